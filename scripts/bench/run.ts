import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchError, parseBenchArgs, USAGE } from './args.ts';
import { benchBuild, benchCheck, findCli, type RunContext } from './cli-runs.ts';
import { generateCatalog } from './generate-catalog.ts';
import { formatBudgets, formatCommands, formatOutput, formatSearch, formatStages, type CommandResult } from './report.ts';

/** Runs the benchmark: generate a catalogue, time check (and build), print the figures. */
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
    console.log(`catalogue: ${stats.files} files, ${(stats.bytes / 2 ** 20).toFixed(1)} MB, generated in ${generationSeconds.toFixed(2)} s\n`);
    const ctx: RunContext = { root, catalog, work, runs: options.runs };
    const results: CommandResult[] = [];
    const details: string[] = [];
    const check = await benchCheck(ctx, cli, log);
    results.push(check.result);
    if (check.details) details.push(`check diagnostics by code:\n${check.details}`);
    let buildFailure: BenchError | undefined;
    if (options.build) {
      try {
        const build = await benchBuild(ctx, cli, log);
        results.push(build.result);
        if (build.details) details.push(`build output:\n${build.details}`);
      } catch (error) {
        if (!(error instanceof BenchError)) throw error;
        buildFailure = error;
      }
    }
    console.log(`\n${formatCommands(results)}\n\n${formatStages(results)}\n`);
    const build = results.find((r) => r.command === 'build');
    if (build?.output) console.log(`${formatOutput(build.output, options.apis)}\n\n${formatSearch(build.output.search, build)}\n`);
    console.log(`${formatBudgets(results, options.apis)}\n`);
    console.log('wall and peak RSS from /usr/bin/time -v (RSS of the largest process, worker threads included); stage ms from --timings.');
    if (details.length > 0) console.log(`\n${details.join('\n\n')}`);
    if (results.some((r) => r.runs.some((run) => run.exitCode !== 0))) {
      console.log('\nWARNING: Portolan reported errors on the generated catalogue; the figures above may not be representative.');
      process.exitCode = 1;
    }
    if (options.keep) console.log(`\nkept: catalogue ${catalog}, work files ${work}`);
    if (buildFailure) throw buildFailure;
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
