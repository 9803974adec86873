/** How long one pipeline stage took, how many items it handled, and the process's peak memory when it ended. */
export interface StageTiming {
  stage: string;
  ms: number;
  count: number;
  /** The peak resident memory of this process (worker threads included) so far, in MB. */
  peakMB: number;
  /** A stage begun in the background (Stopwatch.begin): how long it ran beside the stages before it was waited for; `ms` is the wait. */
  besideMs?: number;
}

/** A stage running in the background; `wait` gives its result, timed as the wait. */
export interface BackgroundStage<T> {
  wait(): Promise<T>;
}

/** A stage that ran past its time budget; what it was doing is abandoned. */
export class StageTimeout extends Error {
  constructor(stage: string, budgetMs: number) {
    super(`the ${stage} step ran past its time budget of ${Number((budgetMs / 1000).toFixed(3))} s`);
  }
}

/** Times pipeline stages and reports their progress; with a budget, a stage past it throws StageTimeout. */
export class Stopwatch {
  readonly timings: StageTiming[] = [];
  private readonly onProgress: ((stage: string, done: number, total: number) => void) | undefined;
  private readonly budgetMs: number | undefined;

  constructor(onProgress?: (stage: string, done: number, total: number) => void, budgetMs?: number) {
    this.onProgress = onProgress;
    this.budgetMs = budgetMs;
  }

  /** Runs one stage, recording its duration and item count. */
  async run<T>(stage: string, work: () => Promise<T>, count: (result: T) => number): Promise<T> {
    this.onProgress?.(stage, 0, 0);
    const start = performance.now();
    const result = this.budgetMs === undefined ? await work() : await withinBudget(stage, work(), this.budgetMs);
    this.timings.push({ stage, ms: performance.now() - start, count: count(result), peakMB: peakMB() });
    return result;
  }

  /**
   * Begins a stage that runs beside the next ones: its work starts now, and `wait` records it
   * with the time the pipeline waited for it as `ms`, so the stages still add up to the build's
   * time, and the time it ran before that as `besideMs`. Its failure is reported by `wait` only.
   */
  begin<T>(stage: string, work: () => Promise<T>, count: (result: T) => number): BackgroundStage<T> {
    const start = performance.now();
    const running = work();
    // Observed at once: it may fail while the stages beside it run, and is reported when waited for.
    running.catch(() => undefined);
    return {
      wait: async () => {
        const waiting = performance.now();
        this.onProgress?.(stage, 0, 0);
        const result = this.budgetMs === undefined ? await running : await withinBudget(stage, running, Math.max(0, this.budgetMs - (waiting - start)));
        this.timings.push({ stage, ms: performance.now() - waiting, count: count(result), peakMB: peakMB(), besideMs: waiting - start });
        return result;
      },
    };
  }

  /** Reports progress inside a running stage. */
  progress(stage: string, done: number, total: number): void {
    this.onProgress?.(stage, done, total);
  }
}

function peakMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The work's result, or StageTimeout once `budgetMs` has passed (the timer only fires while the work awaits). */
async function withinBudget<T>(stage: string, work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageTimeout(stage, budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
