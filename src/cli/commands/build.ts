import path from 'node:path';
import type { Leak } from '../../audience/leak-audit.ts';
import { countDiagnostics, type Diagnostic } from '../../catalog/diagnostics.ts';
import { parseCommand, secondsOption, type CommandSpec, type OptionSpec } from '../args.ts';
import { audienceOption, audiences, catalogOption, contentOption, contractTimeoutOption, strictOption, timingsOption } from '../common-options.ts';
import { cacheArgs, chooseCache } from '../cache-option.ts';
import { Progress } from '../progress.ts';
import { printDiagnostics } from '../report.ts';
import { assertCatalogFolder, exitNow, stageTimes, writeTimings } from '../shared.ts';

const warningsShownByBuild = 20;

const buildOptions = {
  catalog: catalogOption,
  content: contentOption,
  out: { type: 'string', default: './dist', placeholder: 'DIR', description: 'where the portal is written; left untouched when the build fails' },
  audience: audienceOption,
  base: { type: 'string', default: '/', placeholder: 'PATH', description: 'the path the portal is served under, e.g. /portal/' },
  site: { type: 'string', placeholder: 'URL', description: 'the portal’s public address, for the sitemap, the feeds and canonical links' },
  strict: { ...strictOption, description: 'make every warning (a broken link too) an error' },
  'contract-timeout': contractTimeoutOption,
  'step-timeout': { type: 'string', placeholder: 'S', description: 'the seconds one build step (the render, the index, …) may take (default: 900)' },
  ...cacheArgs,
  timings: timingsOption,
} as const satisfies Record<string, OptionSpec>;

/** `portolan build`: checks the catalogue, then builds the static portal into --out. */
export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'check, then build the static portal, check its links and audit it for anything of a wider audience',
  options: buildOptions,
  run: runBuild,
};

async function runBuild(args: string[]): Promise<number> {
  const options = parseCommand(buildOptions, args);
  const root = path.resolve(options.catalog);
  const out = path.resolve(options.out);
  const shownOut = path.relative(process.cwd(), out) || '.';
  const contractTimeoutMs = secondsOption('contract-timeout', options['contract-timeout']);
  const { buildPortal, defaultStepTimeoutMs } = await import('../../build/build-portal.ts');
  const stepTimeoutMs = secondsOption('step-timeout', options['step-timeout']) ?? defaultStepTimeoutMs;
  const audience = options.audience as (typeof audiences)[number] | undefined;
  await assertCatalogFolder(root);
  const cache = chooseCache(options, { catalog: root, out });

  const started = performance.now();
  const progress = new Progress(process.stderr);
  const outcome = await buildPortal({
    catalog: root,
    content: path.resolve(options.content),
    out,
    audience,
    base: options.base,
    site: options.site,
    contractTimeoutMs,
    stepTimeoutMs,
    cache,
    strict: options.strict,
    onProgress: (stage, done, total) => progress.update(stage, done, total),
    onChecked: (warnings) => {
      progress.done();
      printWarnings(warnings, root, 'run portolan check to see them all');
    },
  });
  progress.done();
  if (outcome.status === 'catalog-errors') {
    printDiagnostics(outcome.diagnostics, 'text', root);
    const errors = countDiagnostics(outcome.diagnostics).errors;
    console.error(`build stopped: ${errors} error${errors === 1 ? '' : 's'} in the catalogue or its guides; ${shownOut} was left untouched`);
    return 1;
  }
  if (outcome.status === 'stopped') {
    console.error(
      `build stopped: ${outcome.reason}; ${shownOut} was left untouched. If the catalogue is just large, raise the budget with --step-timeout SECONDS.`,
    );
    // The step goes on in the background (Astro's render cannot be cancelled): end the process.
    return exitNow(1);
  }
  if (outcome.status === 'leaks') {
    printLeaks(outcome.leaks, outcome.audience);
    console.error(
      `build stopped: the output held ${outcome.leaks.length} strings the ${outcome.audience} audience must not see; ${shownOut} was left untouched`,
    );
    return 1;
  }
  if (options.timings) await writeTimings(options.timings, outcome.timings, outcome.cache, outcome.pages);
  printWarnings(outcome.warnings, root, 'fix these and build again to see the others');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
  if (outcome.upToDate) {
    console.log(
      `${shownOut} is up to date: nothing changed since the build that made it (${outcome.apis} APIs for the ${outcome.audience} audience; checked in ${seconds(performance.now() - started)})`,
    );
    return 0;
  }
  const perStage = stageTimes(outcome.timings);
  const fromCache = [
    outcome.cache ? `; ${outcome.cache.hits} of ${outcome.cache.hits + outcome.cache.misses} contracts from the cache` : '',
    outcome.pages ? `, ${outcome.pages.hits} of ${outcome.pages.hits + outcome.pages.misses} groups of pages (one per API, the home page, the others)` : '',
  ].join('');
  console.log(
    `built ${outcome.apis} APIs for the ${outcome.audience} audience into ${shownOut} in ${seconds(performance.now() - started)} (${perStage}${fromCache})`,
  );
  return 0;
}

/** The build succeeds with warnings; a few show what they are, and `others` says where to see the rest. */
function printWarnings(diagnostics: readonly Diagnostic[], root: string, others: string): void {
  if (diagnostics.length === 0) return;
  const shown = diagnostics.slice(0, warningsShownByBuild);
  printDiagnostics(shown, 'text', root);
  const more = diagnostics.length - shown.length;
  if (more > 0) console.log(`… and ${more} more warnings: ${others}.`);
}

/** Each leak with the file that holds it, and what to do about it. */
function printLeaks(leaks: readonly Leak[], audience: string): void {
  for (const leak of leaks) console.error(`${leak.file}: holds "${leak.term}" (${leak.why})`);
  console.error(
    `A ${audience} build must hold nothing of a wider audience. Remove the string from the text that put it in this file (a guide, a description, a shared page), or mark the part x-internal in its contract.`,
  );
}
