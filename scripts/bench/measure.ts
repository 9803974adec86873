import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { BenchError } from './args.ts';
import { peakTreeMB, sampleTree, type TreeSeries } from './tree-sampler.ts';

/** What `/usr/bin/time -v` and the process itself told about one run. */
export interface Measured {
  exitCode: number;
  wallSeconds: number;
  /** Of the largest process only (ru_maxrss), worker threads included. */
  maxRssMB: number;
  /**
   * Peak of the RSS summed over every process of the run (the CLI, Pagefind, esbuild…), read every
   * 100 ms; at least `maxRssMB`, since the sum is never below its largest part, whose true peak
   * a reading may miss.
   */
  treeRssMB: number;
  /** The readings of the process tree, for CPU and memory by stage. */
  tree: TreeSeries;
  cpuPercent: number;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

/** `h:mm:ss` or `m:ss.ss` → seconds. */
function parseClock(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Reads the wall time, peak RSS and CPU share from the report of GNU `time -v`. */
export function parseTimeReport(report: string): { wallSeconds: number; maxRssMB: number; cpuPercent: number } {
  const wall = /Elapsed \(wall clock\) time(?: \([^)]*\))?: ([\d:.]+)/.exec(report)?.[1];
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  const cpu = /Percent of CPU this job got: (\d+)%/.exec(report)?.[1];
  if (wall === undefined || rss === undefined) throw new BenchError(`could not read the report of ${TIME} -v:\n${report}`);
  return { wallSeconds: parseClock(wall), maxRssMB: Number(rss) / 1024, cpuPercent: Number(cpu ?? Number.NaN) };
}

/** Runs `command args` in `cwd` under `/usr/bin/time -v`, writing its report to `reportFile`. */
export function runMeasured(command: string, args: string[], cwd: string, reportFile: string): Promise<Measured> {
  if (!existsSync(TIME)) throw new BenchError(`${TIME} is missing; install GNU time (apt-get install time)`);
  rmSync(reportFile, { force: true });
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(TIME, ['-v', '-o', reportFile, command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = child.pid === undefined ? undefined : sampleTree(child.pid, startedAt);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      sampler?.stop();
      reject(new BenchError(`could not start ${TIME}: ${error.message}`));
    });
    child.on('close', (code) => {
      const tree = sampler?.stop() ?? { intervalMs: 100, samples: [] };
      try {
        const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
        const time = parseTimeReport(report);
        const treeRssMB = Math.max(time.maxRssMB, peakTreeMB(tree) || 0);
        resolve({ exitCode: code ?? -1, ...time, treeRssMB, tree, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
