import type { ContractJob, ContractOutcome } from '../contracts/contract-job.ts';
import { runContracts } from '../contracts/run-contracts.ts';
import { ContractCache, type CacheOptions, type CacheStats } from './contract-cache.ts';

/** How runContracts is asked to run the jobs the cache does not answer. */
interface RunOptions {
  onDone?: (done: number) => void;
  weights?: readonly number[];
  timeoutMs?: number;
}

/**
 * Runs contract jobs, taking each outcome from the cache when its inputs are unchanged. Lookups
 * happen here, in the main thread, before any worker starts: a fully cached load starts no
 * worker and loads no parser. The jobs that missed run in workers and are then written. With
 * `withContracts` false, the outcomes of hits hold their diagnostics only.
 */
export async function runCachedContracts(
  jobs: readonly ContractJob[],
  cacheOptions: CacheOptions,
  withContracts: boolean,
  options: RunOptions,
): Promise<{ outcomes: ContractOutcome[]; stats: CacheStats }> {
  const cache = new ContractCache(cacheOptions, withContracts);
  const lookups = jobs.map((job) => cache.lookUp(job));
  const outcomes = lookups.map((lookup) => lookup.outcome);
  const missed = jobs.flatMap((_, index) => (outcomes[index] ? [] : [index]));
  const hits = jobs.length - missed.length;
  if (hits > 0) options.onDone?.(hits);
  if (missed.length > 0) {
    const ran = await runContracts(
      missed.map((index) => jobs[index]!),
      {
        ...options,
        onDone: (done) => options.onDone?.(hits + done),
        ...(options.weights ? { weights: missed.map((index) => options.weights![index]!) } : {}),
      },
    );
    ran.forEach((outcome, at) => {
      const index = missed[at]!;
      outcomes[index] = outcome;
      const inputs = lookups[index]!.inputs;
      if (inputs) cache.store(inputs, outcome);
    });
  }
  cache.prune();
  return { outcomes: outcomes as ContractOutcome[], stats: cache.stats };
}
