import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from './args.ts';
import { measureDir, measureSubdirs } from './dir-size.ts';
import { runMeasured, type Measured } from './measure.ts';
import { weighApiPages, weighTryIt } from './page-weight.ts';
import { weighFirstQuery } from './search-weight.ts';
import type { CommandResult } from './report.ts';
import { readTimings, type Timings } from './timings.ts';

/** Where the project and the catalogue are, and how often to run. */
export interface RunContext {
  root: string;
  catalog: string;
  work: string;
  runs: number;
}

/** The path of the CLI, or a BenchError saying it does not exist yet. */
export function findCli(root: string): string {
  const cli = join(root, 'bin', 'portolan.js');
  if (!existsSync(cli))
    throw new BenchError(`${cli} does not exist yet: the benchmark needs the Portolan CLI (\`portolan check\` and \`portolan build\` with --timings FILE).`);
  return cli;
}

function tail(text: string, lines = 15): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');
}

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

/** Summarises `check --format json` output: the counts, and the most frequent codes when there are errors. */
function summariseCheck(stdout: string): { note: string; details: string } {
  let parsed: {
    errors?: number;
    warnings?: number;
    diagnostics?: { file?: string; line?: number; column?: number; severity?: string; code?: string; message?: string }[];
  };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    return { note: 'stdout is not the JSON of --format json', details: tail(stdout, 5) };
  }
  const note = `${parsed.errors ?? '?'} errors, ${parsed.warnings ?? '?'} warnings`;
  const diagnostics = parsed.diagnostics ?? [];
  if (diagnostics.length === 0) return { note, details: '' };
  const byCode = new Map<string, { count: number; first: string }>();
  for (const d of diagnostics) {
    const key = `${d.severity ?? '?'} ${d.code ?? '?'}`;
    const entry = byCode.get(key) ?? { count: 0, first: `${d.file ?? '?'}:${d.line ?? '?'}:${d.column ?? '?'} ${d.message ?? ''}` };
    entry.count++;
    byCode.set(key, entry);
  }
  const details = [...byCode]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 12)
    .map(([key, { count, first }]) => `    ${key} ×${count}, e.g. ${first}`)
    .join('\n');
  return { note, details };
}

/** Runs `portolan check` `runs` times and reads each timings file. */
export async function benchCheck(ctx: RunContext, cli: string, log: (line: string) => void): Promise<{ result: CommandResult; details: string }> {
  const result: CommandResult = { command: 'check', runs: [], timings: [], note: '' };
  let details = '';
  for (let i = 1; i <= ctx.runs; i++) {
    const timingsFile = join(ctx.work, `check-timings-${i}.json`);
    rmSync(timingsFile, { force: true });
    const run = await runMeasured(
      process.execPath,
      [cli, 'check', '--no-cache', '--catalog', ctx.catalog, '--format', 'json', '--timings', timingsFile],
      ctx.root,
      join(ctx.work, 'time.txt'),
    );
    assertRan('check', run);
    result.runs.push(run);
    result.timings.push(timingsOf(timingsFile, 'check', run));
    ({ note: result.note, details } = summariseCheck(run.stdout));
    log(`check run ${i}/${ctx.runs}: ${run.wallSeconds.toFixed(2)} s, ${run.maxRssMB.toFixed(0)} MB, exit ${run.exitCode} (${result.note})`);
  }
  return { result, details };
}

/** Runs `portolan build` `runs` times, each into an empty output folder, and measures the output. */
export async function benchBuild(ctx: RunContext, cli: string, log: (line: string) => void): Promise<{ result: CommandResult; details: string }> {
  const result: CommandResult = { command: 'build', runs: [], timings: [], note: '' };
  const out = join(ctx.work, 'out');
  let details = '';
  for (let i = 1; i <= ctx.runs; i++) {
    const timingsFile = join(ctx.work, `build-timings-${i}.json`);
    rmSync(timingsFile, { force: true });
    rmSync(out, { recursive: true, force: true });
    const run = await runMeasured(
      process.execPath,
      [cli, 'build', '--no-cache', '--catalog', ctx.catalog, '--out', out, '--timings', timingsFile],
      ctx.root,
      join(ctx.work, 'time.txt'),
    );
    assertRan('build', run);
    result.runs.push(run);
    result.timings.push(timingsOf(timingsFile, 'build', run));
    result.note = run.exitCode === 0 ? 'ok' : 'exit 1: catalogue errors, no output';
    if (run.exitCode !== 0) details = tail(run.stdout || run.stderr, 20);
    log(`build run ${i}/${ctx.runs}: ${run.wallSeconds.toFixed(2)} s, ${run.maxRssMB.toFixed(0)} MB, exit ${run.exitCode}`);
  }
  if (result.runs.at(-1)?.exitCode === 0) {
    log('weighing the first search query in Chromium');
    const search = [await weighFirstQuery(out, 'pasted'), await weighFirstQuery(out, 'typed')];
    result.output = { total: measureDir(out), perApi: measureSubdirs(join(out, 'apis')), apiPages: weighApiPages(out), tryIt: weighTryIt(out), search };
  }
  return { result, details };
}
