import { parentPort } from 'node:worker_threads';
import { runPageJob, type PageJob } from './page-job.ts';

parentPort?.on('message', async ({ id, job }: { id: number; job: PageJob }) => {
  try {
    parentPort?.postMessage({ id, outcome: await runPageJob(job) });
  } catch (error) {
    parentPort?.postMessage({ id, failure: (error as Error).message ?? String(error) });
  }
});

parentPort?.postMessage({ ready: true });
