import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Parser as AsyncApiParser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { generateCatalog } from './generate-catalog.ts';

/** One problem found in a generated catalogue. */
export interface Problem {
  file: string;
  message: string;
}

const ID = /^[a-z][a-z0-9-]{0,63}$/;
const ENUMS: Record<string, readonly string[]> = {
  type: ['data', 'process', 'experience', 'event'],
  lifecycle: ['design', 'beta', 'stable', 'deprecated', 'retired'],
  audience: ['public', 'partner', 'internal'],
};

/** Every file under `dir`, relative and sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A SHA-256 over the paths and bytes of every file under `dir`. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

type Yaml = Record<string, unknown>;
const readYaml = (path: string): Yaml => parse(readFileSync(path, 'utf8')) as Yaml;

function checkMetadata(apiFile: string, api: Yaml, apiIds: Set<string>, teams: Yaml, problems: Problem[]): void {
  const report = (message: string): void => {
    problems.push({ file: apiFile, message });
  };
  const folder = apiFile.split('/').at(-2) as string;
  if (!ID.test(folder)) report(`identifier ${folder} does not match ${ID}`);
  for (const key of ['name', 'summary', 'type', 'lifecycle', 'audience', 'owner', 'contract']) {
    if (typeof api[key] !== 'string' || api[key] === '') report(`${key} is missing`);
  }
  for (const [key, allowed] of Object.entries(ENUMS))
    if (!allowed.includes(api[key] as string)) report(`${key} ${String(api[key])} is not one of ${allowed.join(', ')}`);
  if (!(typeof api.owner === 'string' && api.owner in teams)) report(`owner ${String(api.owner)} is not a team`);
  const business = api.business as Yaml | undefined;
  if (typeof business?.purpose !== 'string') report('business.purpose is missing');
  const deprecation = api.deprecation as Yaml | undefined;
  if (api.lifecycle === 'deprecated' && typeof deprecation?.sunset !== 'string') report('deprecated without deprecation.sunset');
  if (deprecation?.replacedBy !== undefined && !apiIds.has(deprecation.replacedBy as string))
    report(`replacedBy ${String(deprecation.replacedBy)} is not an API`);
  for (const id of (api.dependsOn as string[] | undefined) ?? []) if (!apiIds.has(id) || id === folder) report(`dependsOn ${id} is not another API`);
  for (const id of (api.consumers as string[] | undefined) ?? [])
    if (ID.test(id) && !apiIds.has(id)) report(`consumer ${id} looks like an id but is not an API`);
}

async function checkOpenApi(dir: string, apiDir: string, contract: string, problems: Problem[]): Promise<void> {
  const path = join(dir, apiDir, contract);
  try {
    await SwaggerParser.validate(path);
  } catch (error) {
    problems.push({ file: relative(dir, path), message: `swagger-parser: ${(error as Error).message}` });
    return;
  }
  const doc = readYaml(path) as { paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>> };
  const statuses = new Map<string, string[]>();
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item)) if (op.operationId) statuses.set(op.operationId, Object.keys(op.responses ?? {}));
  const examples = listFiles(join(dir, apiDir)).filter((f) => f.startsWith('examples/'));
  for (const example of examples) {
    const [, operationId, file] = example.split('/') as [string, string, string];
    const status = file.split('.')[0] as string;
    if (!statuses.get(operationId)?.includes(status))
      problems.push({ file: join(apiDir, example), message: `${operationId} does not declare status ${status}` });
    const content = JSON.parse(readFileSync(join(dir, apiDir, example), 'utf8')) as Yaml;
    if (typeof content.summary !== 'string' || typeof (content.response as Yaml | undefined)?.body !== 'object')
      problems.push({ file: join(apiDir, example), message: 'example lacks summary or response.body' });
  }
}

async function checkAsyncApi(
  parser: AsyncApiParser,
  dir: string,
  apiDir: string,
  contract: string,
  problems: Problem[],
  warnings: Map<string, number>,
): Promise<void> {
  const path = join(dir, apiDir, contract);
  const { document, diagnostics } = await parser.parse(readFileSync(path, 'utf8'), { source: path });
  for (const d of diagnostics) {
    if (d.severity === 0) problems.push({ file: relative(dir, path), message: `asyncapi ${String(d.code)}: ${d.message} at ${d.path.join('.')}` });
    else warnings.set(String(d.code), (warnings.get(String(d.code)) ?? 0) + 1);
  }
  if (!document && !diagnostics.some((d) => d.severity === 0)) problems.push({ file: relative(dir, path), message: 'asyncapi parser returned no document' });
}

/** Validates a generated catalogue: metadata rules, contracts with both parsers, examples. */
export async function validateCatalog(dir: string): Promise<{ problems: Problem[]; apis: number; asyncApiWarnings: Map<string, number> }> {
  const problems: Problem[] = [];
  const warnings = new Map<string, number>();
  const teams = readYaml(join(dir, 'teams.yaml'));
  const apiFiles = listFiles(dir).filter((f) => f.endsWith('/api.yaml'));
  const apiIds = new Set(apiFiles.map((f) => f.split('/').at(-2) as string));
  if (apiIds.size !== apiFiles.length) problems.push({ file: '.', message: 'API identifiers are not unique' });
  const parser = new AsyncApiParser();
  for (const apiFile of apiFiles) {
    const api = readYaml(join(dir, apiFile));
    checkMetadata(apiFile, api, apiIds, teams, problems);
    const apiDir = apiFile.slice(0, -'/api.yaml'.length);
    const contract = api.contract as string;
    if (contract.startsWith('openapi')) await checkOpenApi(dir, apiDir, contract, problems);
    else await checkAsyncApi(parser, dir, apiDir, contract, problems, warnings);
  }
  return { problems, apis: apiFiles.length, asyncApiWarnings: warnings };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const count = args[0] === '--apis' ? Number(args[1]) : undefined;
  if ((count === undefined && !args[0]) || (count !== undefined && !(count > 0))) {
    console.error('usage: node scripts/bench/validate-catalog.ts --apis N | <catalogue-dir>');
    process.exit(2);
  }
  const dirs: string[] = [];
  let dir = args[0] as string;
  if (count !== undefined) {
    for (let i = 0; i < 2; i++) {
      dirs.push(mkdtempSync(join(tmpdir(), 'portolan-bench-validate-')));
      generateCatalog(dirs[i] as string, count);
    }
    dir = dirs[0] as string;
    const same = hashTree(dirs[0] as string) === hashTree(dirs[1] as string);
    console.log(`determinism: two generations of ${count} APIs are ${same ? 'byte-identical' : 'DIFFERENT'}`);
    if (!same) process.exitCode = 1;
  }
  const { problems, apis, asyncApiWarnings } = await validateCatalog(dir);
  for (const p of problems) console.log(`${p.file}: ${p.message}`);
  console.log(`${apis} APIs checked, ${problems.length} problems`);
  if (asyncApiWarnings.size > 0) console.log(`AsyncAPI parser warnings: ${[...asyncApiWarnings].map(([c, n]) => `${c} ×${n}`).join(', ')}`);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (problems.length > 0) process.exitCode = 1;
}
