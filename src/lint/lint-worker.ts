import { registerHooks } from 'node:module';
import { answerJobs } from '../catalog/worker-jobs.ts';
import type { LintJob } from './lint-job.ts';

// Spectral loads nimma's "legacy" build, compiled for old engines: its class fields go through
// Babel helpers that cost more than the traversal they serve. The same version's own build is
// the same code for this Node (on the benchmark's contracts, lint 10 % faster, findings identical).
// Registered before Spectral is first loaded, hence the dynamic import below.
registerHooks({
  resolve: (specifier, context, nextResolve) => nextResolve(specifier === 'nimma/legacy' ? 'nimma' : specifier, context),
});
const { runLintJob } = await import('./lint-job.ts');

answerJobs((job: LintJob) => runLintJob(job));
