import { parentPort } from 'node:worker_threads';
import { createAsyncApiLoader } from './asyncapi.ts';
import { runContractJob, type ContractJob } from './contract-job.ts';

const asyncApi = createAsyncApiLoader();

parentPort?.on('message', async ({ id, job }: { id: number; job: ContractJob }) => {
  parentPort?.postMessage({ id, outcome: await runContractJob(job, asyncApi) });
});

// The parsers are loaded: a job's time budget starts when it is sent, not while they load.
parentPort?.postMessage({ ready: true });
