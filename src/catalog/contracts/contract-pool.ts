import { Worker } from 'node:worker_threads';
import { diagnose, fileStart } from '../diagnostics.ts';
import type { ContractJob, ContractOutcome } from './contract-job.ts';

/**
 * The heap of a worker. Past it the worker alone stops (ERR_WORKER_OUT_OF_MEMORY) instead of V8
 * ending the whole process. V8 lets a heap grow with its limit: a 1,000-API check peaked at
 * 1.54 GB with 2 GB workers, 1.30 GB with 1.5 GB ones, for ~5 % more garbage-collection time.
 */
const workerHeapMB = 1536;

/**
 * The heap a contract that ran out of memory gets for a second try, in a worker of its own;
 * past it, it is reported. GitHub's 13 MB contract peaks near 1 GB.
 */
const contractHeapMB = 4096;

/** Ready workers kept between runs (unreferenced, so they never keep the process alive). */
const idle: Worker[] = [];
const keptIdle = 4;
const script = new URL('./contract-worker.ts', import.meta.url);

/**
 * Runs contract jobs in `threads` worker threads, in `order`; results keep job order. A job past
 * `timeoutMs` has its worker stopped and becomes a `contract/timeout` error on its file; a job that
 * runs out of memory is tried again alone with a larger heap, then becomes a `contract/out-of-memory`
 * one; a fresh worker takes the next job.
 */
export async function runInWorkers(
  jobs: readonly ContractJob[],
  order: readonly number[],
  options: { threads: number; timeoutMs: number; onDone?: ((done: number) => void) | undefined },
): Promise<ContractOutcome[]> {
  const outcomes = new Array<ContractOutcome>(jobs.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    let worker = await takeWorker();
    while (next < order.length) {
      const id = order[next++]!;
      const { outcome, healthy, outOfMemory } = await runOne(worker, id, jobs[id]!, options.timeoutMs, workerHeapMB);
      outcomes[id] = outOfMemory ? await runAlone(id, jobs[id]!, options.timeoutMs) : outcome;
      options.onDone?.(++done);
      if (!healthy) {
        await worker.terminate();
        worker = await takeWorker();
      }
    }
    release(worker);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.threads, jobs.length)) }, lane));
  return outcomes;
}

/** Stops the workers kept between runs: a build calls it once loaded, so their heaps are freed before the render. */
export async function stopContractWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
}

/**
 * Starts a worker to wait idle, unless one already does: the next run's first contract is then
 * checked at once instead of after the parsers load (most of a one-contract run's time).
 */
export async function warmContractWorker(): Promise<void> {
  if (idle.length > 0) return;
  release(await startWorker(workerHeapMB));
}

/** A second try of a job that ran out of memory, in a worker of its own with the larger heap. */
async function runAlone(id: number, job: ContractJob, timeoutMs: number): Promise<ContractOutcome> {
  const worker = await startWorker(contractHeapMB);
  const { outcome } = await runOne(worker, id, job, timeoutMs, contractHeapMB);
  await worker.terminate();
  return outcome;
}

async function takeWorker(): Promise<Worker> {
  return idle.pop() ?? startWorker(workerHeapMB);
}

async function startWorker(heapMB: number): Promise<Worker> {
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: heapMB } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.removeAllListeners('error');
  return worker;
}

function release(worker: Worker): void {
  if (idle.length >= keptIdle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

function runOne(worker: Worker, id: number, job: ContractJob, timeoutMs: number, heapMB: number): Promise<{ outcome: ContractOutcome; healthy: boolean; outOfMemory?: boolean }> {
  return new Promise((resolve) => {
    const finish = (outcome: ContractOutcome, healthy: boolean, outOfMemory = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ outcome, healthy, outOfMemory });
    };
    const onMessage = (message: { id: number; outcome: ContractOutcome }) => {
      if (message.id === id) finish(message.outcome, true);
    };
    const onError = (error: Error & { code?: string }) => finish(failed(job, error, heapMB), false, error.code === 'ERR_WORKER_OUT_OF_MEMORY');
    const onExit = () => finish(failed(job, new Error('the worker thread stopped'), heapMB), false);
    const timer = setTimeout(() => finish(timedOut(job, timeoutMs), false), timeoutMs);
    worker.on('message', onMessage).once('error', onError).once('exit', onExit);
    worker.ref();
    worker.postMessage({ id, job });
  });
}

function timedOut(job: ContractJob, timeoutMs: number): ContractOutcome {
  const seconds = Number((timeoutMs / 1000).toFixed(3));
  return {
    diagnostics: [diagnose('contract/timeout', job.contractFile, fileStart, `reading and checking this contract took more than ${seconds} s; it was stopped`)],
  };
}

function failed(job: ContractJob, error: Error & { code?: string }, heapMB: number): ContractOutcome {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return {
      diagnostics: [diagnose('contract/out-of-memory', job.contractFile, fileStart, `reading this contract needed more than ${heapMB} MB of memory; it was stopped`)],
    };
  return { diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while reading this contract: ${error.message}`)] };
}
