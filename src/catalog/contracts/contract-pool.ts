import { Worker } from 'node:worker_threads';
import { diagnose, fileStart } from '../diagnostics.ts';
import type { ContractJob, ContractOutcome } from './contract-job.ts';

/**
 * The heap one contract may use. Past it the worker alone stops (ERR_WORKER_OUT_OF_MEMORY) and the
 * contract is reported, instead of V8 ending the whole process. GitHub's 13 MB contract peaks near 1 GB.
 */
const contractHeapMB = 4096;

/** Ready workers kept between runs (unreferenced, so they never keep the process alive). */
const idle: Worker[] = [];
const keptIdle = 4;
const script = new URL('./contract-worker.ts', import.meta.url);

/**
 * Runs contract jobs in `threads` worker threads, in `order`; results keep job order. A job past
 * `timeoutMs` has its worker stopped and becomes a `contract/timeout` error on its file, a worker
 * out of memory a `contract/out-of-memory` one; a fresh worker takes the next job.
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
      const { outcome, healthy } = await runOne(worker, id, jobs[id]!, options.timeoutMs);
      outcomes[id] = outcome;
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

async function takeWorker(): Promise<Worker> {
  const kept = idle.pop();
  if (kept) return kept;
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: contractHeapMB } });
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

function runOne(worker: Worker, id: number, job: ContractJob, timeoutMs: number): Promise<{ outcome: ContractOutcome; healthy: boolean }> {
  return new Promise((resolve) => {
    const finish = (outcome: ContractOutcome, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ outcome, healthy });
    };
    const onMessage = (message: { id: number; outcome: ContractOutcome }) => {
      if (message.id === id) finish(message.outcome, true);
    };
    const onError = (error: Error & { code?: string }) => finish(failed(job, error), false);
    const onExit = () => finish(failed(job, new Error('the worker thread stopped')), false);
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

function failed(job: ContractJob, error: Error & { code?: string }): ContractOutcome {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return {
      diagnostics: [diagnose('contract/out-of-memory', job.contractFile, fileStart, `reading this contract needed more than ${contractHeapMB} MB of memory; it was stopped`)],
    };
  return { diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while reading this contract: ${error.message}`)] };
}
