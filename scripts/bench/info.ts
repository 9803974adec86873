import type { JsonObject } from './json.ts';
import type { ApiPlan } from './plan.ts';
import type { Rng } from './prng.ts';
import { paragraph } from './text.ts';

/** The `info` object shared by the generated OpenAPI and AsyncAPI contracts. */
export function contractInfo(rng: Rng, api: ApiPlan, apiName: string): JsonObject {
  return {
    title: apiName,
    version: `${1 + (api.index % 4)}.${api.index % 7}.0`,
    description: `${paragraph(rng, api.entities[0] as string, 4)}\n\n## Usage\n\n${paragraph(rng, api.entities[0] as string, 3)}`,
    contact: { name: 'API support', email: 'api-support@example.com', url: 'https://developer.example.com/support' },
    license: { name: 'Proprietary', url: 'https://developer.example.com/terms' },
  };
}
