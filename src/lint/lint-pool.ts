import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { defaultContractTimeoutMs } from '../catalog/contracts/run-contracts.ts';
import { diagnose, fileStart } from '../catalog/diagnostics.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';

const script = new URL('./lint-worker.ts', import.meta.url);

/** Below this many contracts one thread lints them: a second one loads Spectral and the rulesets again. */
const oneThreadBelow = 40;

/** Ready workers kept between runs (unreferenced, so they never keep the process alive): a `dev` save lints without loading Spectral again. */
const idle: Worker[] = [];
const keptIdle = 2;

/**
 * Lints contracts in worker threads (PORTOLAN_THREADS sets how many); outcomes keep job order. A
 * contract past the contracts' time budget, or whose worker fails, becomes an internal error on its
 * file, and a fresh worker takes the next one.
 */
export async function runLintJobs(jobs: readonly LintJob[], timeoutMs = defaultContractTimeoutMs): Promise<LintOutcome[]> {
  if (jobs.length === 0) return [];
  const chosen = Number(process.env['PORTOLAN_THREADS']);
  const threads = Math.min(jobs.length, chosen || (jobs.length < oneThreadBelow ? 1 : Math.min(os.availableParallelism(), 4)));
  const outcomes = new Array<LintOutcome>(jobs.length);
  let next = 0;
  const lane = async () => {
    let worker = idle.pop() ?? (await startWorker());
    while (next < jobs.length) {
      const id = next++;
      const { outcome, healthy } = await runOne(worker, id, jobs[id]!, timeoutMs);
      outcomes[id] = outcome;
      if (!healthy) {
        await worker.terminate();
        worker = await startWorker();
      }
    }
    release(worker);
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return outcomes;
}

/** Stops the workers kept between runs. */
export async function stopLintWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
}

async function startWorker(): Promise<Worker> {
  const worker = new Worker(script);
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

function runOne(worker: Worker, id: number, job: LintJob, timeoutMs: number): Promise<{ outcome: LintOutcome; healthy: boolean }> {
  return new Promise((resolve) => {
    const finish = (outcome: LintOutcome, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ outcome, healthy });
    };
    const onMessage = (message: { id: number; outcome?: LintOutcome; failure?: string }) => {
      if (message.id === id) finish(message.outcome ?? failed(job, message.failure ?? 'unknown failure'), true);
    };
    const onError = (error: Error) => finish(failed(job, error.message), false);
    const onExit = () => finish(failed(job, 'the worker thread stopped'), false);
    const timer = setTimeout(() => finish(failed(job, `linting took more than ${timeoutMs / 1000} s; it was stopped`), false), timeoutMs);
    worker.on('message', onMessage).once('error', onError).once('exit', onExit);
    worker.ref();
    worker.postMessage({ id, job });
  });
}

/** A contract Spectral failed on: an internal error on its file, not kept in the cache. */
export function failed(job: LintJob, reason: string): LintOutcome {
  return {
    diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while linting this contract: ${reason}`)],
    rulesRun: 0,
    reads: [],
  };
}
