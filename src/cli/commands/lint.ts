import path from 'node:path';
import { countDiagnostics } from '../../catalog/diagnostics.ts';
import { Stopwatch } from '../../catalog/stopwatch.ts';
import { parseCommand, UsageError, type CommandSpec, type OptionSpec } from '../args.ts';
import { cacheArgs, chooseCache } from '../cache-option.ts';
import { catalogOption, diagnosticsFormatOption, timingsOption } from '../common-options.ts';
import { printDiagnostics, type Format } from '../report.ts';
import { assertCatalogFolder, writeTimings } from '../shared.ts';

const options = {
  catalog: catalogOption,
  format: diagnosticsFormatOption,
  api: { type: 'string', placeholder: 'ID', description: 'lint this API only' },
  ...cacheArgs,
  timings: timingsOption,
} as const satisfies Record<string, OptionSpec>;

/** `portolan lint`: runs the design rules on the contracts and prints their findings. */
export const lintCommand: CommandSpec = {
  name: 'lint',
  summary: 'run the design rules (built-in, OWASP, the catalogue’s own) on the contracts',
  options,
  run: runLint,
};

async function runLint(args: string[]): Promise<number> {
  const values = parseCommand(options, args);
  const root = path.resolve(values.catalog);
  await assertCatalogFolder(root);
  const cache = chooseCache(values, { catalog: root });
  // Loaded here, not with the CLI: Spectral and its rulesets take seconds to load, which other commands need not pay.
  const { lintCatalog, UnknownApiError } = await import('../../lint/index.ts');
  const watch = new Stopwatch();
  let result;
  try {
    result = await watch.run(
      'lint',
      () => lintCatalog(root, { ...(values.api ? { api: values.api } : {}), ...(cache ? { cache } : {}) }),
      (r) => r.summaries.length,
    );
  } catch (error) {
    if (error instanceof UnknownApiError) throw new UsageError(`--api: ${error.message}`);
    throw error;
  }
  printDiagnostics(result.diagnostics, values.format as Format, root);
  if (values.timings) await writeTimings(values.timings, watch.timings, result.cache);
  return countDiagnostics(result.diagnostics).errors > 0 ? 1 : 0;
}
