import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from './args.ts';
import { summariseCheck, tail } from './check-summary.ts';
import { measureDir, measureSubdirs } from './dir-size.ts';
import { runMeasured, type Measured } from './measure.ts';
import { weighApiPages, weighTryIt } from './page-weight.ts';
import { labelOf, type CommandResult, type Scenario } from './results.ts';
import { weighFirstQuery } from './search-weight.ts';
import { readTimings, type Timings } from './timings.ts';

/** Where the project, the CLI and the catalogue are, how often to run, and whether the CLI has a cache. */
export interface RunContext {
  root: string;
  cli: string;
  catalog: string;
  work: string;
  apis: number;
  runs: number;
  hasCache: boolean;
  log: (line: string) => void;
}

/** One series of runs of a command: its arguments for run `i`, and what to do before it (returns a note for the log). */
export interface RunSeries {
  command: CommandResult['command'];
  scenario: Scenario;
  args: (i: number) => string[];
  before?: (i: number) => string | undefined;
}

/** The path of the CLI, or a BenchError saying it does not exist yet. */
export function findCli(root: string): string {
  const cli = join(root, 'bin', 'portolan.js');
  if (!existsSync(cli))
    throw new BenchError(`${cli} does not exist yet: the benchmark needs the Portolan CLI (\`portolan check\` and \`portolan build\` with --timings FILE).`);
  return cli;
}

/** The private cache folder of cold run `i` of a command; the warm runs keep the last one. */
export function coldCacheDir(ctx: RunContext, command: CommandResult['command'], i: number): string {
  return join(ctx.work, `cache-${command}-cold-${i}`);
}

/** The output folder of every build, cold and warm. */
export const outDir = (ctx: RunContext): string => join(ctx.work, 'out');

/** Fails unless the exit status is 0 or 1 (content errors): anything else is a usage or internal error. */
function assertRan(command: string, run: Measured): void {
  if (run.exitCode === 0 || run.exitCode === 1) return;
  throw new BenchError(
    `\`portolan ${command}\` failed with exit status ${run.exitCode} (2 is a usage or internal error: does \`${command}\` exist and accept --timings FILE yet?).\n  stderr:\n${tail(run.stderr) || '    (empty)'}\n  stdout:\n${tail(run.stdout) || '    (empty)'}`,
  );
}

/** Reads a run's timings file; when it is missing or wrong, says how the run ended. */
function timingsOf(file: string, command: string, run: Measured): Timings {
  try {
    return readTimings(file, command);
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    throw new BenchError(
      `${error.message}\n  The run ended with exit status ${run.exitCode} after ${run.wallSeconds.toFixed(2)} s.\n  stderr:\n${tail(run.stderr) || '    (empty)'}\n  stdout:\n${tail(run.stdout) || '    (empty)'}`,
    );
  }
}

/** Runs a series `ctx.runs` times under `time -v`, reading each run's timings file; `details` is what the last run printed when it failed on content. */
export async function runSeries(ctx: RunContext, series: RunSeries): Promise<{ result: CommandResult; details: string }> {
  const result: CommandResult = { command: series.command, scenario: series.scenario, runs: [], timings: [], note: '' };
  const label = labelOf(result);
  let details = '';
  for (let i = 1; i <= ctx.runs; i++) {
    const note = series.before?.(i);
    const timingsFile = join(ctx.work, `${series.command}-${series.scenario}-timings-${i}.json`);
    rmSync(timingsFile, { force: true });
    const run = await runMeasured(process.execPath, [ctx.cli, ...series.args(i), '--timings', timingsFile], ctx.root, join(ctx.work, 'time.txt'));
    assertRan(series.command, run);
    result.runs.push(run);
    const timings = timingsOf(timingsFile, series.command, run);
    result.timings.push(timings);
    if (series.command !== 'build') ({ note: result.note, details } = summariseCheck(run.stdout));
    else {
      result.note = run.exitCode === 0 ? 'ok' : 'exit 1: catalogue errors, no output';
      details = run.exitCode === 0 ? '' : tail(run.stdout || run.stderr, 20);
    }
    const cache = timings.cache ? `, cache ${timings.cache.hits} hits ${timings.cache.misses} misses` : '';
    ctx.log(
      `${label} run ${i}/${ctx.runs}${note ? ` (${note})` : ''}: ${run.wallSeconds.toFixed(2)} s, ${run.treeRssMB.toFixed(0)} MB all processes, exit ${run.exitCode}${cache}`,
    );
  }
  return { result, details };
}

/** The cache arguments of cold run `i`: a private cache emptied first, never the project's default one. */
function coldCache(ctx: RunContext, command: CommandResult['command'], i: number): string[] {
  if (!ctx.hasCache) return [];
  const dir = coldCacheDir(ctx, command, i);
  rmSync(dir, { recursive: true, force: true });
  return ['--cache', dir];
}

/** Runs `portolan check` cold `runs` times. */
export function benchCheck(ctx: RunContext): Promise<{ result: CommandResult; details: string }> {
  return runSeries(ctx, {
    command: 'check',
    scenario: 'cold',
    args: (i) => ['check', '--catalog', ctx.catalog, '--format', 'json', ...coldCache(ctx, 'check', i)],
  });
}

/** Runs `portolan lint` cold `runs` times. */
export function benchLint(ctx: RunContext): Promise<{ result: CommandResult; details: string }> {
  return runSeries(ctx, {
    command: 'lint',
    scenario: 'cold',
    args: (i) => ['lint', '--catalog', ctx.catalog, '--format', 'json', ...coldCache(ctx, 'lint', i)],
  });
}

/** Runs `portolan build` cold `runs` times, each into an empty output folder, and measures the last output. */
export async function benchBuild(ctx: RunContext): Promise<{ result: CommandResult; details: string }> {
  const out = outDir(ctx);
  const build = await runSeries(ctx, {
    command: 'build',
    scenario: 'cold',
    before: () => {
      rmSync(out, { recursive: true, force: true });
      return undefined;
    },
    args: (i) => ['build', '--catalog', ctx.catalog, '--out', out, ...coldCache(ctx, 'build', i)],
  });
  if (build.result.runs.at(-1)?.exitCode === 0) {
    ctx.log('weighing the first search query in Chromium');
    const search = [await weighFirstQuery(out, 'pasted'), await weighFirstQuery(out, 'typed')];
    build.result.output = { total: measureDir(out), perApi: measureSubdirs(join(out, 'apis')), apiPages: weighApiPages(out), tryIt: weighTryIt(out), search };
  }
  return build;
}
