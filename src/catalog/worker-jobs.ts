import { parentPort } from 'node:worker_threads';

/**
 * The worker side of a WorkerPool (worker-pool.ts): answers each `{ id, job }` with `{ id, outcome }`,
 * or `{ id, failure }` when `run` throws, then says it is ready, once what it loads is loaded, so
 * a job's time budget starts when the job is sent.
 */
export function answerJobs<Job, Outcome>(run: (job: Job) => Promise<Outcome>): void {
  parentPort?.on('message', async ({ id, job }: { id: number; job: Job }) => {
    try {
      parentPort?.postMessage({ id, outcome: await run(job) });
    } catch (error) {
      parentPort?.postMessage({ id, failure: (error as Error).message ?? String(error) });
    }
  });
  parentPort?.postMessage({ ready: true });
}
