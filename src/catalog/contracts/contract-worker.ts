import { answerJobs } from '../worker-jobs.ts';
import { createAsyncApiLoader } from './asyncapi.ts';
import { runContractJob, type ContractJob } from './contract-job.ts';

const asyncApi = createAsyncApiLoader();

// The parsers are loaded: a job's time budget starts when it is sent, not while they load.
answerJobs((job: ContractJob) => runContractJob(job, asyncApi));
