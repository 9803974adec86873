/** How long one pipeline stage took and how many items it handled. */
export interface StageTiming {
  stage: string;
  ms: number;
  count: number;
}

/** Times pipeline stages and reports their progress. */
export class Stopwatch {
  readonly timings: StageTiming[] = [];
  private readonly onProgress: ((stage: string, done: number, total: number) => void) | undefined;

  constructor(onProgress?: (stage: string, done: number, total: number) => void) {
    this.onProgress = onProgress;
  }

  /** Runs one stage, recording its duration and item count. */
  async run<T>(stage: string, work: () => Promise<T>, count: (result: T) => number): Promise<T> {
    this.onProgress?.(stage, 0, 0);
    const start = performance.now();
    const result = await work();
    this.timings.push({ stage, ms: performance.now() - start, count: count(result) });
    return result;
  }

  /** Reports progress inside a running stage. */
  progress(stage: string, done: number, total: number): void {
    this.onProgress?.(stage, done, total);
  }
}
