import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../catalog/cache/read-log.ts';
import { isConfined } from '../catalog/contracts/ref-guard.ts';
import type { FoundNode } from '../catalog/discover.ts';
import { isRecord } from '../catalog/is-record.ts';
import { readYaml } from '../catalog/read-yaml.ts';
import type { LintCache } from './lint-cache.ts';
import type { ContractFormat } from './spectral-ruleset.ts';

/** An API whose contract lint reads. */
export interface NamedContract {
  apiId: string;
  contractFile: string;
}

/**
 * The contract each API's api.yaml names, inside the catalogue; none for an API whose api.yaml
 * names none, or one outside (check reports those). With a cache, kept by the api.yaml texts.
 */
export async function namedContracts(root: string, apis: readonly FoundNode[], cache?: LintCache): Promise<NamedContract[]> {
  const texts = apis.map((api) => readOptional(root, api.file) ?? '');
  const read = () => apis.flatMap((api, index) => contractOf(root, api, texts[index]!));
  if (!cache) return read();
  const inputs = ['contracts named', apis.map((api, index) => [api.id, api.file, sha256(texts[index]!)])];
  return cache.kept(inputs, isNamedList, read);
}

/** The format a contract's first lines declare, or none. */
export function contractFormat(text: string): ContractFormat | undefined {
  const head = text.slice(0, 4096);
  if (/^\s*["']?asyncapi["']?\s*:/m.test(head)) return 'asyncapi';
  if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) return 'openapi';
  return undefined;
}

/** A file of the catalogue, or none when it cannot be read. */
export function readOptional(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

function contractOf(root: string, api: FoundNode, text: string): NamedContract[] {
  const doc = readYaml(api.file, text).value;
  const contract = isRecord(doc?.value) ? doc.value['contract'] : undefined;
  if (typeof contract !== 'string') return [];
  const contractFile = path.posix.normalize(path.posix.join(api.dir, contract));
  if (contractFile.startsWith('..') || !isConfined(path.join(root, contractFile), root)) return [];
  return [{ apiId: api.id, contractFile }];
}

function isNamedList(value: unknown): value is NamedContract[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item['apiId'] === 'string' && typeof item['contractFile'] === 'string');
}
