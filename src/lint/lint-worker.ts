import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob } from './lint-job.ts';

parentPort?.on('message', async ({ id, job }: { id: number; job: LintJob }) => {
  try {
    parentPort?.postMessage({ id, outcome: await runLintJob(job) });
  } catch (error) {
    parentPort?.postMessage({ id, failure: (error as Error).message ?? String(error) });
  }
});

parentPort?.postMessage({ ready: true });
