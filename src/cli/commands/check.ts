import path from 'node:path';
import { countDiagnostics, strictly } from '../../catalog/diagnostics.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { oneOf, parseOptions, secondsOption } from '../args.ts';
import { cacheArgs, chooseCache } from '../cache-option.ts';
import { formats, printDiagnostics } from '../report.ts';
import { assertCatalogFolder, writeTimings } from '../shared.ts';

/** `portolan check`: validates a catalogue and prints its diagnostics. */
export async function runCheck(args: string[]): Promise<number> {
  const options = parseOptions(args, {
    catalog: { type: 'string', default: './catalog' },
    format: { type: 'string', default: 'text' },
    timings: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'contract-timeout': { type: 'string' },
    ...cacheArgs,
  });
  const contractTimeoutMs = secondsOption('contract-timeout', options['contract-timeout']);
  const format = oneOf('format', options.format, formats)!;
  const root = path.resolve(options.catalog);
  await assertCatalogFolder(root);
  const cache = chooseCache(options, { catalog: root });
  const result = await loadCatalog(root, { diagnosticsOnly: true, ...(contractTimeoutMs ? { contractTimeoutMs } : {}), ...(cache ? { cache } : {}) });
  // --strict: every warning (an operation without a KO example, …) fails the check.
  const diagnostics = options.strict ? strictly(result.diagnostics) : result.diagnostics;
  printDiagnostics(diagnostics, format, root);
  if (options.timings) await writeTimings(options.timings, result.timings, result.cache);
  return countDiagnostics(diagnostics).errors > 0 ? 1 : 0;
}
