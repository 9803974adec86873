import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchError, parseBenchArgs, USAGE, type BenchOptions } from './args.ts';
import { formatBudgets } from './budget-report.ts';
import { cliHasCache } from './cache-probe.ts';
import { benchBuild, benchCheck, benchLint, findCli, type RunContext } from './cli-runs.ts';
import { generateCatalog } from './generate-catalog.ts';
import { formatCommands, formatOutput, formatSearch } from './report.ts';
import { findResult, type CommandResult } from './results.ts';
import { formatStages } from './stage-report.ts';
import { benchWarmBuilds, benchWarmCheck, benchWarmLint } from './warm-runs.ts';

/** The cold runs, then the warm ones; `details` is what failed runs printed, `warmSkipped` why there are no warm runs. */
async function runAll(
  ctx: RunContext,
  options: BenchOptions,
): Promise<{ results: CommandResult[]; details: string[]; warmSkipped?: string; failure?: BenchError }> {
  const results: CommandResult[] = [];
  const details: string[] = [];
  const check = await benchCheck(ctx);
  results.push(check.result);
  if (check.details) details.push(`check diagnostics by code:\n${check.details}`);
  try {
    if (options.lint) results.push((await benchLint(ctx)).result);
    if (options.build) {
      const build = await benchBuild(ctx);
      results.push(build.result);
      if (build.details) details.push(`build output:\n${build.details}`);
    }
    const warmSkipped = !options.warm ? (options.build ? 'run without --no-warm' : 'run with --build') : !ctx.hasCache ? 'the CLI has no cache yet' : undefined;
    if (warmSkipped) return { results, details, warmSkipped };
    ctx.log('warm runs: the cache (and output folder) of the last cold run of each command, kept');
    results.push(await benchWarmCheck(ctx));
    if (options.lint) results.push(await benchWarmLint(ctx));
    if (!options.build) return { results, details, warmSkipped: 'run with --build' };
    if (findResult(results, 'build', 'cold')?.runs.at(-1)?.exitCode !== 0) return { results, details, warmSkipped: 'the cold build failed' };
    results.push(...(await benchWarmBuilds(ctx)));
    return { results, details };
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    return { results, details, failure: error };
  }
}

/** Runs the benchmark: generate a catalogue, time check (and build) cold and warm, print the figures. */
async function main(argv: string[]): Promise<void> {
  const options = parseBenchArgs(argv);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const root = resolve(import.meta.dirname, '..', '..');
  const cli = findCli(root);
  const work = mkdtempSync(join(tmpdir(), 'portolan-bench-'));
  const log = (line: string): void => {
    console.error(`  ${line}`);
  };
  try {
    const catalog = join(work, 'catalog');
    const started = performance.now();
    const stats = generateCatalog(catalog, options.apis);
    const generationSeconds = (performance.now() - started) / 1000;
    console.log(
      `Portolan benchmark: ${options.apis} APIs (${stats.openapi} OpenAPI, ${stats.asyncapi} AsyncAPI), ${options.runs} run${options.runs > 1 ? 's' : ''} each, Node ${process.version}, ${availableParallelism()} CPUs, ${new Date().toISOString().slice(0, 10)}`,
    );
    console.log(`catalogue: ${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(1)} MB, generated in ${generationSeconds.toFixed(2)} s`);
    const hasCache = cliHasCache(cli, root, work);
    console.log(
      hasCache
        ? 'cache: each cold run gets an empty private --cache folder; warm runs keep the last one'
        : 'cache: the CLI has no cache yet (`--cache DIR` is an unknown option): cold runs only, warm runs skipped',
    );
    const ctx: RunContext = { root, cli, catalog, work, apis: options.apis, runs: options.runs, hasCache, log };
    const { results, details, warmSkipped, failure } = await runAll(ctx, options);
    console.log(`\n${formatCommands(results)}\n\n${formatStages(results)}\n`);
    const build = findResult(results, 'build', 'cold');
    if (build?.output) console.log(`${formatOutput(build.output, options.apis)}\n\n${formatSearch(build.output.search, build)}\n`);
    console.log(`${formatBudgets(results, options.apis, warmSkipped)}\n`);
    console.log(
      [
        'wall and "largest process" from /usr/bin/time -v (worker threads included); "all processes": the RSS of the CLI and its child processes',
        '(Pagefind, esbuild…) summed every 100 ms, which the memory verdicts use; stage ms and "at end" (the CLI\'s high-water mark) from --timings;',
        'a stage\'s "all processes" peak and CPU from the same readings, cut by the stage times (— for stages too short to read).',
      ].join('\n'),
    );
    if (details.length > 0) console.log(`\n${details.join('\n\n')}`);
    if (results.some((r) => r.runs.some((run) => run.exitCode !== 0))) {
      console.log('\nWARNING: Portolan reported errors on the generated catalogue; the figures above may not be representative.');
      process.exitCode = 1;
    }
    if (options.keep) console.log(`\nkept: catalogue ${catalog} (with the warm runs' changes), caches, output and timings in ${work}`);
    if (failure) throw failure;
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BenchError) {
    console.error(`bench: ${error.message}`);
  } else {
    console.error('bench: internal error in the benchmark script');
    console.error(error);
  }
  process.exitCode = 2;
});
