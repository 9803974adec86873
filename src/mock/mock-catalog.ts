import type { Api, Catalog } from '../catalog/model.ts';
import { createMockEngine, type MockEngine } from './prism-engine.ts';

/** The engines of a catalogue's OpenAPI APIs, and the APIs left out with the reason. */
export interface MockedCatalog {
  engines: MockEngine[];
  skipped: { api: Api; reason: string }[];
}

/** One Prism engine per OpenAPI API, of every audience (the mock is a tool on the developer's machine). */
export async function createMockEngines(catalog: Catalog): Promise<MockedCatalog> {
  const engines: MockEngine[] = [];
  const skipped: MockedCatalog['skipped'] = [];
  for (const api of catalog.apis) {
    if (api.contract.format !== 'openapi') {
      skipped.push({ api, reason: 'AsyncAPI' });
      continue;
    }
    try {
      engines.push(await createMockEngine(api));
    } catch (error) {
      skipped.push({ api, reason: `Prism cannot read its contract: ${(error as Error).message}` });
    }
  }
  return { engines, skipped };
}
