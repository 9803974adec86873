import { diagnose, fileStart } from '../diagnostics.ts';
import { WorkerPool, type JobFailure } from '../worker-pool.ts';
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

/**
 * The contract workers. A job past its time becomes a `contract/timeout` error on its file; one
 * that runs out of memory is tried again alone with a larger heap, then becomes a
 * `contract/out-of-memory` one.
 */
const pool = new WorkerPool<ContractJob, ContractOutcome>({
  script: new URL('./contract-worker.ts', import.meta.url),
  heapMB: workerHeapMB,
  retryHeapMB: contractHeapMB,
  keptIdle: 4,
  failed,
});

/** Runs contract jobs in `threads` worker threads, in `order`; results keep job order. */
export function runInWorkers(
  jobs: readonly ContractJob[],
  order: readonly number[],
  options: { threads: number; timeoutMs: number; onDone?: ((done: number) => void) | undefined },
): Promise<ContractOutcome[]> {
  return pool.run(jobs, { ...options, order });
}

/** Stops the workers kept between runs: a build calls it once loaded, so their heaps are freed before the render. */
export function stopContractWorkers(): Promise<void> {
  return pool.stop();
}

/**
 * Starts a worker to wait idle, unless one already does: the next run's first contract is then
 * checked at once instead of after the parsers load (most of a one-contract run's time).
 */
export function warmContractWorker(): Promise<void> {
  return pool.warm();
}

function failed(job: ContractJob, failure: JobFailure): ContractOutcome {
  if (failure.kind === 'timeout') {
    const seconds = Number((failure.timeoutMs / 1000).toFixed(3));
    return {
      diagnostics: [diagnose('contract/timeout', job.contractFile, fileStart, `reading and checking this contract took more than ${seconds} s; it was stopped`)],
    };
  }
  if (failure.kind === 'out-of-memory')
    return {
      diagnostics: [diagnose('contract/out-of-memory', job.contractFile, fileStart, `reading this contract needed more than ${failure.heapMB} MB of memory; it was stopped`)],
    };
  return { diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while reading this contract: ${failure.reason}`)] };
}
