import { CLOCK_TICKS, readTreeUsage } from './process-tree.ts';

/** One reading of a process tree, `ms` after the command was started. */
export interface TreeSample {
  ms: number;
  rssKB: number;
  cpuTicks: number;
}

/** What a sampler saw of one run, reading the process tree every `intervalMs`. */
export interface TreeSeries {
  intervalMs: number;
  samples: TreeSample[];
}

/** Reads the descendants of `root` every `intervalMs` until `stop()` is called, which returns the readings. */
export function sampleTree(root: number, startedAt: number, intervalMs = 100): { stop: () => TreeSeries } {
  const samples: TreeSample[] = [];
  const read = (): void => {
    const usage = readTreeUsage(root);
    if (usage.processes > 0) samples.push({ ms: performance.now() - startedAt, rssKB: usage.rssKB, cpuTicks: usage.cpuTicks });
  };
  read();
  const timer = setInterval(read, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { intervalMs, samples };
    },
  };
}

/** The largest sum of RSS seen, in MB (NaN when nothing was sampled). */
export function peakTreeMB(series: TreeSeries, fromMs = -Infinity, toMs = Infinity): number {
  const inWindow = series.samples.filter((s) => s.ms >= fromMs && s.ms <= toMs);
  return inWindow.length === 0 ? Number.NaN : Math.max(...inWindow.map((s) => s.rssKB)) / 1024;
}

/** The tree's CPU time used by `ms` (linear between readings), in clock ticks. */
function ticksAt(samples: readonly TreeSample[], ms: number): number {
  const next = samples.findIndex((s) => s.ms >= ms);
  if (next === -1) return samples.at(-1)?.cpuTicks ?? 0;
  if (next === 0) return samples[0]!.cpuTicks;
  const a = samples[next - 1]!;
  const b = samples[next]!;
  return a.cpuTicks + ((b.cpuTicks - a.cpuTicks) * (ms - a.ms)) / (b.ms - a.ms);
}

/**
 * CPU share of the whole tree between two moments, in % of one core (200 % = both cores busy).
 * NaN when the window is shorter than five readings: ticks are 10 ms and readings 100 ms apart.
 */
export function treeCpuPercent(series: TreeSeries, fromMs: number, toMs: number): number {
  if (toMs - fromMs < 5 * series.intervalMs || series.samples.length < 2) return Number.NaN;
  const ticks = ticksAt(series.samples, toMs) - ticksAt(series.samples, fromMs);
  return (ticks / CLOCK_TICKS / ((toMs - fromMs) / 1000)) * 100;
}
