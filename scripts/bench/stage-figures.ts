import type { Measured } from './measure.ts';
import { median } from './stats.ts';
import type { Timings } from './timings.ts';
import { peakTreeMB, treeCpuPercent } from './tree-sampler.ts';

/** One stage of a run: its time and count from --timings, and what the process-tree readings say about it. */
export interface StageFigures {
  stage: string;
  ms: number;
  count?: number;
  /** The CLI process's peak RSS when the stage ended (from --timings). */
  peakMB?: number;
  /** A stage begun in the background: the time it ran beside the stages before its wait, which `ms` is. */
  besideMs?: number;
  /** The largest RSS of all processes together read during the stage. */
  treePeakMB: number;
  /** CPU share of all processes during the stage, in % of one core. */
  cpuPercent: number;
}

/** The larger of two figures, either of which may be missing (NaN). */
const maxOf = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b));

/**
 * Cuts one run's process-tree readings by stage. The timings file gives durations, not start
 * times: stages run one after the other, so each starts where the one before ended, and what
 * the run spent outside its stages (starting Node and loading modules, writing the timings,
 * exiting) is all put before the first stage (wall − Σ stages). Exit takes a fraction of a
 * second, so a stage window is off by about that much: good enough for stages of a second or
 * more, which are the ones worth reading; shorter ones get no CPU figure.
 * A stage reported several times is merged: times and counts added, peaks the largest, CPU
 * weighted by time.
 */
export function figuresOfRun(run: Measured, timings: Timings): StageFigures[] {
  const total = timings.stages.reduce((sum, s) => sum + s.ms, 0);
  let start = Math.max(0, run.wallSeconds * 1000 - total);
  const byStage = new Map<string, StageFigures>();
  for (const { stage, ms, count, peakMB, besideMs } of timings.stages) {
    const cpu = treeCpuPercent(run.tree, start, start + ms);
    const treePeak = peakTreeMB(run.tree, start, start + ms);
    start += ms;
    const prev = byStage.get(stage);
    if (!prev) {
      byStage.set(stage, {
        stage,
        ms,
        ...(count === undefined ? {} : { count }),
        ...(peakMB === undefined ? {} : { peakMB }),
        ...(besideMs === undefined ? {} : { besideMs }),
        treePeakMB: treePeak,
        cpuPercent: cpu,
      });
      continue;
    }
    if (Number.isNaN(prev.cpuPercent)) prev.cpuPercent = cpu;
    else if (!Number.isNaN(cpu)) prev.cpuPercent = (prev.cpuPercent * prev.ms + cpu * ms) / (prev.ms + ms);
    prev.ms += ms;
    if (count !== undefined) prev.count = (prev.count ?? 0) + count;
    if (peakMB !== undefined) prev.peakMB = Math.max(prev.peakMB ?? 0, peakMB);
    prev.treePeakMB = maxOf(prev.treePeakMB, treePeak);
  }
  return [...byStage.values()];
}

/** The median of each figure of each stage over the runs, in the order the stages ran. */
export function medianFigures(result: { runs: readonly Measured[]; timings: readonly Timings[] }): StageFigures[] {
  const perRun = result.runs.map((run, i) => figuresOfRun(run, result.timings[i]!));
  const names: string[] = [];
  for (const figures of perRun) for (const { stage } of figures) if (!names.includes(stage)) names.push(stage);
  return names.map((stage) => {
    const present = perRun.map((figures) => figures.find((f) => f.stage === stage)).filter((f) => f !== undefined);
    const of = (pick: (f: StageFigures) => number | undefined): number =>
      median(present.map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v)));
    const count = present[0]?.count;
    const peakMB = of((f) => f.peakMB);
    const besideMs = of((f) => f.besideMs);
    return {
      stage,
      ms: of((f) => f.ms),
      ...(count === undefined ? {} : { count }),
      ...(Number.isNaN(peakMB) ? {} : { peakMB }),
      ...(Number.isNaN(besideMs) ? {} : { besideMs }),
      treePeakMB: of((f) => f.treePeakMB),
      cpuPercent: of((f) => f.cpuPercent),
    };
  });
}
