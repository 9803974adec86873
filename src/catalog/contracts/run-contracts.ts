import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createAsyncApiLoader } from './asyncapi.ts';
import { runContractJob, type ContractJob, type ContractOutcome } from './contract-job.ts';

/**
 * Below this many contracts, starting worker threads (each loads the parsers again) costs more
 * than it saves: on 2 cores, 50 contracts check in 3.8 s in process and 4.4 s in two threads,
 * 150 in 9.5 s and 7.6 s.
 */
const inProcessBelow = 80;

/**
 * Runs contract jobs, in parallel worker threads when there are enough of them; results keep
 * job order. `weights` (e.g. file sizes) let the heaviest start first, so no thread is left
 * with a long job at the end.
 */
export async function runContracts(jobs: readonly ContractJob[], onDone?: (done: number) => void, weights?: readonly number[]): Promise<ContractOutcome[]> {
  // PORTOLAN_THREADS sets the number of threads whatever the size (1: in process).
  const chosen = Number(process.env['PORTOLAN_THREADS']);
  const threads = chosen || Math.min(os.availableParallelism(), 4);
  if ((!chosen && jobs.length < inProcessBelow) || threads < 2) return runInProcess(jobs, onDone);
  const order = jobs.map((_, index) => index).sort((a, b) => (weights?.[b] ?? 0) - (weights?.[a] ?? 0));
  return runInWorkers(jobs, order, threads, onDone);
}

async function runInProcess(jobs: readonly ContractJob[], onDone?: (done: number) => void): Promise<ContractOutcome[]> {
  const loader = createAsyncApiLoader();
  const outcomes: ContractOutcome[] = [];
  for (const job of jobs) {
    outcomes.push(await runContractJob(job, loader));
    onDone?.(outcomes.length);
  }
  return outcomes;
}

async function runInWorkers(jobs: readonly ContractJob[], order: readonly number[], threads: number, onDone?: (done: number) => void): Promise<ContractOutcome[]> {
  const outcomes = new Array<ContractOutcome>(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./contract-worker.ts', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= order.length) return resolve();
              const id = order[next++]!;
              worker.postMessage({ id, job: jobs[id] });
            };
            worker.on('message', ({ id, outcome }: { id: number; outcome: ContractOutcome }) => {
              outcomes[id] = outcome;
              onDone?.(++done);
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
