import { defaultContractTimeoutMs } from '../catalog/contracts/run-contracts.ts';
import { diagnose, fileStart } from '../catalog/diagnostics.ts';
import { threadsFor, WorkerPool, type JobFailure } from '../catalog/worker-pool.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';

/** Below this many contracts one thread lints them: a second one loads Spectral and the rulesets again. */
const oneThreadBelow = 40;

/**
 * The lint workers; two kept ready between runs, so a `dev` save lints without loading Spectral
 * again. A contract past the contracts' time budget, or whose worker fails, becomes an internal
 * error on its file.
 */
const pool = new WorkerPool<LintJob, LintOutcome>({
  script: new URL('./lint-worker.ts', import.meta.url),
  keptIdle: 2,
  failed: (job, failure) => failed(job, reasonOf(failure)),
});

/** Lints contracts in worker threads (PORTOLAN_THREADS sets how many); outcomes keep job order. */
export function runLintJobs(jobs: readonly LintJob[], timeoutMs = defaultContractTimeoutMs): Promise<LintOutcome[]> {
  return pool.run(jobs, { threads: threadsFor(jobs.length, oneThreadBelow), timeoutMs });
}

/** Stops the workers kept between runs. */
export function stopLintWorkers(): Promise<void> {
  return pool.stop();
}

function reasonOf(failure: JobFailure): string {
  if (failure.kind === 'timeout') return `linting took more than ${failure.timeoutMs / 1000} s; it was stopped`;
  if (failure.kind === 'out-of-memory') return 'its worker ran out of memory';
  return failure.reason;
}

/** A contract Spectral failed on: an internal error on its file, not kept in the cache. */
function failed(job: LintJob, reason: string): LintOutcome {
  return {
    diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while linting this contract: ${reason}`)],
    rulesRun: 0,
    reads: [],
  };
}
