import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildAsyncApi } from './asyncapi.ts';
import { apiName } from './metadata.ts';
import { buildOpenApi } from './openapi.ts';
import { planCatalog } from './plan.ts';

/** The generator's YAML layout, so that only the changed line differs. */
const yamlLayout = { lineWidth: 100, blockQuote: 'literal' } as const;

/**
 * Changes one contract of a generated catalogue of `apis` APIs as an author would: appends
 * " (changed N)" to the `info.description` of the first contract of that kind. Returns the
 * file changed, relative to the catalogue.
 */
export function changeContract(catalog: string, apis: number, kind: 'openapi' | 'asyncapi', n: number): string {
  const api = planCatalog(apis).apis.find((a) => a.kind === kind);
  if (!api) throw new Error(`a catalogue of ${apis} APIs has no ${kind} contract`);
  const contract = kind === 'openapi' ? buildOpenApi(api, apiName(api)) : buildAsyncApi(api, apiName(api));
  const file = `${api.path}/${contract.fileName}`;
  const document = parseDocument(readFileSync(join(catalog, file), 'utf8'));
  document.setIn(['info', 'description'], `${String(document.getIn(['info', 'description']))} (changed ${n})`);
  writeFileSync(join(catalog, file), document.toString(yamlLayout));
  return file;
}
