import { answerJobs } from '../catalog/worker-jobs.ts';
import { runPageJob } from './page-job.ts';

answerJobs(runPageJob);
