import { existsSync, readFileSync } from 'node:fs';
import { BenchError } from './args.ts';

/** One stage of the pipeline as the CLI's `--timings` file reports it. */
export interface StageTiming {
  stage: string;
  ms: number;
  count?: number;
  /** The CLI process's peak RSS when the stage ended, in MB. */
  peakMB?: number;
  /** A stage begun in the background: how long it ran beside the stages before it was waited for (`ms` is the wait). */
  besideMs?: number;
}
/** The contract cache's figures of one run (absent before the CLI had a cache, or with --no-cache). */
export interface CacheStats {
  hits: number;
  misses: number;
}
/** The content of a `--timings` file. */
export interface Timings {
  stages: StageTiming[];
  maxRssMB?: number;
  cache?: CacheStats;
}

function isStage(value: unknown): value is StageTiming {
  const v = value as Partial<StageTiming> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.stage === 'string' &&
    typeof v.ms === 'number' &&
    (v.count === undefined || typeof v.count === 'number') &&
    (v.peakMB === undefined || typeof v.peakMB === 'number') &&
    (v.besideMs === undefined || typeof v.besideMs === 'number')
  );
}

function isCacheStats(value: unknown): value is CacheStats {
  const v = value as Partial<CacheStats> | null;
  return typeof v === 'object' && v !== null && typeof v.hits === 'number' && typeof v.misses === 'number';
}

/** Reads and checks a `--timings` file; throws a BenchError saying what is wrong. */
export function readTimings(file: string, command: string): Timings {
  if (!existsSync(file)) {
    throw new BenchError(
      `\`portolan ${command}\` did not write its --timings file (${file}).\nThe CLI must accept \`--timings FILE\` and write {"stages":[{"stage":"discover","ms":12.3,"count":1000,"peakMB":230},…],"maxRssMB":123.4,"cache":{"hits":0,"misses":1000}}.`,
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
      `the --timings file of \`portolan ${command}\` does not have the shape {"stages":[{"stage":string,"ms":number,"count"?:number,"peakMB"?:number}],"maxRssMB"?:number,"cache"?:{"hits":number,"misses":number}}: ${JSON.stringify(data).slice(0, 300)}`,
    );
  }
  return { stages: t.stages, ...(typeof t.maxRssMB === 'number' ? { maxRssMB: t.maxRssMB } : {}), ...(isCacheStats(t.cache) ? { cache: t.cache } : {}) };
}
