import { stat, writeFile } from 'node:fs/promises';
import type { CacheStats } from '../catalog/cache/contract-cache.ts';
import type { StageTiming } from '../catalog/stopwatch.ts';
import { UsageError } from './args.ts';

/** Fails with a usage error when the catalogue folder does not exist. */
export async function assertCatalogFolder(root: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`the catalogue folder "${root}" does not exist`);
}

/** Writes stage timings, peak memory and the contract cache's hits and misses (when used) as JSON, for the benchmark. */
export async function writeTimings(file: string, stages: readonly StageTiming[], cache?: CacheStats, pages?: CacheStats): Promise<void> {
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  await writeFile(file, JSON.stringify({ stages, maxRssMB, ...(cache ? { cache } : {}), ...(pages ? { pages } : {}) }, null, 2));
}

/** Each stage's time, as the build's last line gives them: `lint 8.04s (after 2.65s beside the steps before)` for one begun in the background. */
export function stageTimes(timings: readonly StageTiming[]): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
  return timings
    .map((t) => `${t.stage} ${seconds(t.ms)}${t.besideMs === undefined ? '' : ` (after ${seconds(t.besideMs)} beside the steps before)`}`)
    .join(', ');
}

/**
 * Ends the process with `status` once what it printed is written. For a command that abandoned
 * work it cannot cancel (a render past its time budget), which would otherwise keep it running.
 */
export async function exitNow(status: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  process.exit(status);
}
