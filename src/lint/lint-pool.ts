import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { diagnose, fileStart } from '../catalog/diagnostics.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';

const script = new URL('./lint-worker.ts', import.meta.url);

/** Below this many contracts one thread lints them: a second one loads Spectral and the rulesets again. */
const oneThreadBelow = 40;

/** Lints contracts in worker threads (PORTOLAN_THREADS sets how many); outcomes keep job order. */
export async function runLintJobs(jobs: readonly LintJob[]): Promise<LintOutcome[]> {
  if (jobs.length === 0) return [];
  const chosen = Number(process.env['PORTOLAN_THREADS']);
  const threads = Math.min(jobs.length, chosen || (jobs.length < oneThreadBelow ? 1 : Math.min(os.availableParallelism(), 4)));
  const outcomes = new Array<LintOutcome>(jobs.length);
  let next = 0;
  const lane = async () => {
    const worker = await startWorker();
    while (next < jobs.length) {
      const id = next++;
      outcomes[id] = await runOne(worker, id, jobs[id]!);
    }
    await worker.terminate();
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return outcomes;
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

function runOne(worker: Worker, id: number, job: LintJob): Promise<LintOutcome> {
  return new Promise((resolve) => {
    const onMessage = (message: { id: number; outcome?: LintOutcome; failure?: string }) => {
      if (message.id !== id) return;
      worker.off('message', onMessage);
      resolve(message.outcome ?? failed(job, message.failure ?? 'unknown failure'));
    };
    worker.on('message', onMessage);
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
