import { existsSync, readFileSync } from 'node:fs';
import { BenchError } from './args.ts';

/** One stage of the pipeline as the CLI's `--timings` file reports it. */
export interface StageTiming {
  stage: string;
  ms: number;
  count?: number;
}
/** The content of a `--timings` file. */
export interface Timings {
  stages: StageTiming[];
  maxRssMB?: number;
}

/** The stages in pipeline order; others the CLI reports are shown after them. */
export const STAGE_ORDER = ['discover', 'read', 'validate', 'contracts', 'resolve', 'normalise', 'audience', 'render', 'downloads', 'try-it', 'index'] as const;

function isStage(value: unknown): value is StageTiming {
  const v = value as Partial<StageTiming> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.stage === 'string' && typeof v.ms === 'number' && (v.count === undefined || typeof v.count === 'number')
  );
}

/** Reads and checks a `--timings` file; throws a BenchError saying what is wrong. */
export function readTimings(file: string, command: string): Timings {
  if (!existsSync(file)) {
    throw new BenchError(
      `\`portolan ${command}\` did not write its --timings file (${file}).\nThe CLI must accept \`--timings FILE\` and write {"stages":[{"stage":"discover","ms":12.3,"count":1000},…],"maxRssMB":123.4}.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BenchError(`the --timings file of \`portolan ${command}\` is not JSON: ${(error as Error).message}`);
  }
  const t = data as Partial<Timings> | null;
  if (typeof t !== 'object' || t === null || !Array.isArray(t.stages) || !t.stages.every(isStage)) {
    throw new BenchError(
      `the --timings file of \`portolan ${command}\` does not have the shape {"stages":[{"stage":string,"ms":number,"count"?:number}],"maxRssMB"?:number}: ${JSON.stringify(data).slice(0, 300)}`,
    );
  }
  return { stages: t.stages, ...(typeof t.maxRssMB === 'number' ? { maxRssMB: t.maxRssMB } : {}) };
}

/** Total ms and count per stage name (a stage reported several times, e.g. by workers, is summed). */
export function sumByStage(timings: Timings): Map<string, { ms: number; count?: number }> {
  const byStage = new Map<string, { ms: number; count?: number }>();
  for (const { stage, ms, count } of timings.stages) {
    const prev = byStage.get(stage);
    const total = count === undefined ? prev?.count : (prev?.count ?? 0) + count;
    byStage.set(stage, { ms: (prev?.ms ?? 0) + ms, ...(total === undefined ? {} : { count: total }) });
  }
  return byStage;
}
