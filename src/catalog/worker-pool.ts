import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * How many workers take `jobs` jobs: PORTOLAN_THREADS whatever the size, else one below
 * `oneThreadBelow` (a second worker loads its libraries again, which costs more than it saves on
 * few jobs), else one a core, up to 4.
 */
export function threadsFor(jobs: number, oneThreadBelow: number): number {
  const chosen = Number(process.env['PORTOLAN_THREADS']);
  return chosen || (jobs < oneThreadBelow ? 1 : Math.min(os.availableParallelism(), 4));
}

/** Why a job gave no outcome of its own. */
export type JobFailure = { kind: 'timeout'; timeoutMs: number } | { kind: 'out-of-memory'; heapMB: number } | { kind: 'failed'; reason: string };

/** What a pool's workers run, and what a job that failed becomes. */
export interface PoolSpec<Job, Outcome> {
  /** The worker's module: it posts one message once ready, then answers each `{ id, job }` with `{ id, outcome }` or `{ id, failure }`. */
  script: URL;
  /** The heap of a worker; undefined: Node's default. Past it the worker alone stops instead of the whole process. */
  heapMB?: number;
  /** A job that ran out of memory is tried again alone in a worker with this heap; undefined: it fails at once. */
  retryHeapMB?: number;
  /** Ready workers kept between runs (unreferenced, so they never keep the process alive). */
  keptIdle: number;
  failed(job: Job, failure: JobFailure): Outcome;
}

interface Reply<Outcome> {
  id: number;
  outcome?: Outcome;
  failure?: string;
}

/**
 * Runs jobs in worker threads; outcomes keep job order. A job past its time has its worker
 * stopped, a worker that fails or runs out of memory is replaced, and the job becomes the spec's
 * failure (after a second try alone with a larger heap, when the spec gives one); a fresh worker
 * takes the next job.
 */
export class WorkerPool<Job, Outcome> {
  private readonly spec: PoolSpec<Job, Outcome>;
  private readonly idle: Worker[] = [];

  constructor(spec: PoolSpec<Job, Outcome>) {
    this.spec = spec;
  }

  /** Runs `jobs` in `threads` workers, taking them in `order` (job order by default). */
  async run(
    jobs: readonly Job[],
    options: {
      threads: number;
      timeoutMs: number;
      order?: readonly number[];
      onDone?: ((done: number) => void) | undefined;
      /** Each outcome as soon as it is known, with its job's index: a caller may go on with it before the run ends. */
      onOutcome?: (index: number, outcome: Outcome) => void;
    },
  ): Promise<Outcome[]> {
    const order = options.order ?? jobs.map((_, index) => index);
    const outcomes = new Array<Outcome>(jobs.length);
    let next = 0;
    let done = 0;
    const lane = async () => {
      let worker = this.idle.pop() ?? (await this.startWorker(this.spec.heapMB));
      while (next < order.length) {
        const id = order[next++]!;
        const { outcome, healthy, outOfMemory } = await this.runOne(worker, id, jobs[id]!, options.timeoutMs, this.spec.heapMB);
        outcomes[id] = outOfMemory && this.spec.retryHeapMB ? await this.runAlone(id, jobs[id]!, options.timeoutMs, this.spec.retryHeapMB) : outcome;
        options.onOutcome?.(id, outcomes[id]!);
        options.onDone?.(++done);
        if (!healthy) {
          await worker.terminate();
          worker = await this.startWorker(this.spec.heapMB);
        }
      }
      this.release(worker);
    };
    if (jobs.length > 0) await Promise.all(Array.from({ length: Math.max(1, Math.min(options.threads, jobs.length)) }, lane));
    return outcomes;
  }

  /** Stops the workers kept between runs, so their heaps are freed. */
  async stop(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  /** Starts a worker to wait idle, unless one already does: the next run's first job then starts at once instead of after the worker loads. */
  async warm(): Promise<void> {
    if (this.idle.length > 0) return;
    this.release(await this.startWorker(this.spec.heapMB));
  }

  private async runAlone(id: number, job: Job, timeoutMs: number, heapMB: number): Promise<Outcome> {
    const worker = await this.startWorker(heapMB);
    const { outcome } = await this.runOne(worker, id, job, timeoutMs, heapMB);
    await worker.terminate();
    return outcome;
  }

  private async startWorker(heapMB: number | undefined): Promise<Worker> {
    const worker = new Worker(this.spec.script, heapMB ? { resourceLimits: { maxOldGenerationSizeMb: heapMB } } : {});
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.removeAllListeners('error');
    return worker;
  }

  private release(worker: Worker): void {
    if (this.idle.length >= this.spec.keptIdle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  private runOne(worker: Worker, id: number, job: Job, timeoutMs: number, heapMB: number | undefined): Promise<{ outcome: Outcome; healthy: boolean; outOfMemory: boolean }> {
    const failed = (failure: JobFailure) => this.spec.failed(job, failure);
    return new Promise((resolve) => {
      const finish = (outcome: Outcome, healthy: boolean, outOfMemory = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve({ outcome, healthy, outOfMemory });
      };
      const onMessage = (message: Reply<Outcome>) => {
        if (message.id !== id) return;
        finish(message.outcome ?? failed({ kind: 'failed', reason: message.failure ?? 'unknown failure' }), true);
      };
      const onError = (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(failed(outOfMemory ? { kind: 'out-of-memory', heapMB: heapMB ?? 0 } : { kind: 'failed', reason: error.message }), false, outOfMemory);
      };
      const onExit = () => finish(failed({ kind: 'failed', reason: 'the worker thread stopped' }), false);
      const timer = setTimeout(() => finish(failed({ kind: 'timeout', timeoutMs }), false), timeoutMs);
      worker.on('message', onMessage).once('error', onError).once('exit', onExit);
      worker.ref();
      worker.postMessage({ id, job });
    });
  }
}
