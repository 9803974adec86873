import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { BenchError } from './args.ts';

/** What `/usr/bin/time -v` and the process itself told about one run. */
export interface Measured {
  exitCode: number;
  wallSeconds: number;
  maxRssMB: number;
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
    const child = spawn(TIME, ['-v', '-o', reportFile, command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new BenchError(`could not start ${TIME}: ${error.message}`)));
    child.on('close', (code) => {
      try {
        const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
        resolve({ exitCode: code ?? -1, ...parseTimeReport(report), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
