import path from 'node:path';
import { countDiagnostics, strictly } from '../../catalog/diagnostics.ts';
import { sortDiagnostics } from '../../catalog/diagnostics.ts';
import { parseCommand, secondsOption, type CommandSpec, type OptionSpec } from '../args.ts';
import { cacheArgs, chooseCache } from '../cache-option.ts';
import { printDiagnostics, type Format } from '../report.ts';
import { catalogOption, contractTimeoutOption, diagnosticsFormatOption, strictOption, timingsOption } from '../common-options.ts';
import { assertCatalogFolder, writeTimings } from '../shared.ts';

const options = {
  catalog: catalogOption,
  format: diagnosticsFormatOption,
  lint: { type: 'boolean', default: false, description: 'add the design rules’ findings (as `portolan lint` prints them)' },
  strict: strictOption,
  'contract-timeout': contractTimeoutOption,
  ...cacheArgs,
  timings: timingsOption,
} as const satisfies Record<string, OptionSpec>;

/** `portolan check`: validates a catalogue and prints its diagnostics. */
export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'validate a catalogue and print every problem',
  options,
  run: runCheck,
};

async function runCheck(args: string[]): Promise<number> {
  const values = parseCommand(options, args);
  const contractTimeoutMs = secondsOption('contract-timeout', values['contract-timeout']);
  const format = values.format as Format;
  const root = path.resolve(values.catalog);
  await assertCatalogFolder(root);
  const cache = chooseCache(values, { catalog: root });
  const { loadCatalog } = await import('../../catalog/load-catalog.ts');
  const result = await loadCatalog(root, { diagnosticsOnly: true, ...(contractTimeoutMs ? { contractTimeoutMs } : {}), ...(cache ? { cache } : {}) });
  // Spectral loads only for --lint: it takes seconds.
  const linted = values.lint ? (await (await import('../../lint/index.ts')).lintCatalog(root, cache ? { cache } : {})).diagnostics : [];
  const all = sortDiagnostics([...result.diagnostics, ...linted]);
  // --strict: every warning (an operation without a KO example, …) fails the check.
  const diagnostics = values.strict ? strictly(all) : all;
  printDiagnostics(diagnostics, format, root);
  if (values.timings) await writeTimings(values.timings, result.timings, result.cache);
  return countDiagnostics(diagnostics).errors > 0 ? 1 : 0;
}
