import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import type { ReadLog } from '../cache/read-log.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { confinedFileResolver } from './confined-resolver.ts';

/**
 * The contract as one self-contained document: refs to other catalogue files are pulled in
 * as internal refs, so a download works on its own. The parsed input is not mutated.
 */
export async function bundleContract(absoluteFile: string, value: unknown, root: string, log?: ReadLog): Promise<unknown> {
  const problems: Diagnostic[] = [];
  return new $RefParser().bundle(absoluteFile, structuredClone(value) as object, {
    resolve: { external: true, http: false, file: confinedFileResolver(root, problems, log) },
  } as never);
}

/** Whether a parsed contract has a `$ref` to another file (an internal one starts with "#"). */
export function hasExternalRefs(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!node || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    pending.push(...Object.values(node));
  }
  return false;
}
