import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApi } from './asyncapi.ts';
import type { Json } from './json.ts';
import { apiName, apiYaml, docsPage, domainYaml, portalYaml, serviceYaml, teamsYaml } from './metadata.ts';
import { buildOpenApi } from './openapi.ts';
import { planCatalog } from './plan.ts';

/** What was written: number of files and their total size in bytes. */
export interface CatalogStats {
  files: number;
  bytes: number;
  apis: number;
  openapi: number;
  asyncapi: number;
}

const toYaml = (value: Json): string => stringify(value, { aliasDuplicateObjects: false, blockQuote: 'literal', lineWidth: 100 });

/**
 * Writes a deterministic synthetic catalogue of `apis` APIs (a quarter AsyncAPI) into `dir`,
 * which must be absent or empty; the same `apis` always gives byte-identical files.
 */
export function generateCatalog(dir: string, apis: number): CatalogStats {
  if (!Number.isInteger(apis) || apis < 1) throw new RangeError(`apis must be a positive integer, got ${apis}`);
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; the catalogue must be generated into an empty folder`);
  const stats: CatalogStats = { files: 0, bytes: 0, apis, openapi: 0, asyncapi: 0 };
  const write = (path: string, text: string): void => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
  };
  const plan = planCatalog(apis);
  write('portal.yaml', toYaml(portalYaml()));
  write('teams.yaml', toYaml(teamsYaml(plan)));
  for (const domain of plan.domains) write(`${domain.path}/domain.yaml`, toYaml(domainYaml(domain)));
  for (const service of plan.services) write(`${service.path}/service.yaml`, toYaml(serviceYaml(service)));
  for (const api of plan.apis) {
    const contract = api.kind === 'openapi' ? buildOpenApi(api, apiName(api)) : buildAsyncApi(api, apiName(api));
    stats[api.kind]++;
    write(`${api.path}/api.yaml`, toYaml(apiYaml(api, contract.fileName)));
    write(`${api.path}/${contract.fileName}`, toYaml(contract.document));
    for (const file of contract.files) write(`${api.path}/${file.path}`, `${JSON.stringify(file.content, null, 2)}\n`);
    if (api.hasDocs) write(`${api.path}/docs/getting-started.md`, docsPage(api));
  }
  return stats;
}

if (import.meta.main) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count || !/^\d+$/.test(count)) {
    console.error('usage: node scripts/bench/generate-catalog.ts <empty-dir> <apis>');
    process.exit(2);
  }
  const started = performance.now();
  const stats = generateCatalog(dir, Number(count));
  console.log(
    `${stats.apis} APIs (${stats.openapi} OpenAPI, ${stats.asyncapi} AsyncAPI): ${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(2)} s → ${dir}`,
  );
}
