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
