import { changeContract } from './change-contract.ts';
import { coldCacheDir, outDir, runSeries, type RunContext } from './cli-runs.ts';
import type { CommandResult } from './results.ts';

/** `lint` warm, with the cache of the last cold lint and nothing changed. */
export async function benchWarmLint(ctx: RunContext): Promise<CommandResult> {
  const cache = coldCacheDir(ctx, 'lint', ctx.runs);
  const { result } = await runSeries(ctx, {
    command: 'lint',
    scenario: 'warm',
    args: () => ['lint', '--catalog', ctx.catalog, '--format', 'json', '--cache', cache],
  });
  return result;
}

/** `check` warm: `runs` times with the cache the last cold check filled. */
export async function benchWarmCheck(ctx: RunContext): Promise<CommandResult> {
  const cache = coldCacheDir(ctx, 'check', ctx.runs);
  const { result } = await runSeries(ctx, {
    command: 'check',
    scenario: 'warm',
    args: () => ['check', '--catalog', ctx.catalog, '--format', 'json', '--cache', cache],
  });
  return result;
}

/**
 * `build` warm, with the cache and the output folder of the last cold build: first `runs` times
 * with nothing changed, then `runs` times each after changing one contract (OpenAPI, then
 * AsyncAPI, in turn), each change a new one. The catalogue keeps the changes.
 */
export async function benchWarmBuilds(ctx: RunContext): Promise<CommandResult[]> {
  const args = ['build', '--catalog', ctx.catalog, '--out', outDir(ctx), '--cache', coldCacheDir(ctx, 'build', ctx.runs)];
  const unchanged = await runSeries(ctx, { command: 'build', scenario: 'warm', args: () => args });
  const changed = await runSeries(ctx, {
    command: 'build',
    scenario: 'warm-changed',
    before: (i) => changeContract(ctx.catalog, ctx.apis, i % 2 === 1 ? 'openapi' : 'asyncapi', i),
    args: () => args,
  });
  return [unchanged.result, changed.result];
}
