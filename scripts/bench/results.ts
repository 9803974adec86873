import type { DirSize } from './dir-size.ts';
import type { Measured } from './measure.ts';
import type { PageWeight, weighTryIt } from './page-weight.ts';
import type { SearchWeight } from './search-weight.ts';
import { median } from './stats.ts';
import type { Timings } from './timings.ts';

/** How the cache stood for a series of runs: emptied before each, or kept from the runs before (with one contract changed before each run). */
export type Scenario = 'cold' | 'warm' | 'warm-changed';

/** Everything measured for one CLI command in one scenario over all its runs. */
export interface CommandResult {
  command: 'check' | 'build' | 'lint';
  scenario: Scenario;
  runs: Measured[];
  timings: Timings[];
  /** e.g. "0 errors, 2 warnings", or why the figures are suspect. */
  note: string;
  /** For build: the whole output folder, each `apis/<id>/` folder and API page, and the try-it bundle, of the last run. */
  output?: { total: DirSize; perApi: Map<string, DirSize>; apiPages: PageWeight[]; tryIt: ReturnType<typeof weighTryIt>; search: SearchWeight[] };
}

const scenarioLabels: Record<CommandResult['command'], Record<Scenario, string>> = {
  check: { cold: 'check (cold)', warm: 'check (warm)', 'warm-changed': 'check (warm, one contract changed)' },
  lint: { cold: 'lint (cold)', warm: 'lint (warm, nothing changed)', 'warm-changed': 'lint (warm, one contract changed)' },
  build: { cold: 'build (cold)', warm: 'build (warm, nothing changed)', 'warm-changed': 'build (warm, one contract changed)' },
};

/** The row name of a result, e.g. "build (warm, nothing changed)". */
export function labelOf(result: Pick<CommandResult, 'command' | 'scenario'>): string {
  return scenarioLabels[result.command][result.scenario];
}

/** The result of a command in a scenario, if it was measured. */
export function findResult(results: readonly CommandResult[], command: CommandResult['command'], scenario: Scenario): CommandResult | undefined {
  return results.find((r) => r.command === command && r.scenario === scenario);
}

/** The median wall time, peak RSS of the largest process (`time -v`) and peak RSS of all processes together. */
export function medians(result: CommandResult): { seconds: number; rssMB: number; treeRssMB: number } {
  return {
    seconds: median(result.runs.map((r) => r.wallSeconds)),
    rssMB: median(result.runs.map((r) => r.maxRssMB)),
    treeRssMB: median(result.runs.map((r) => r.treeRssMB)),
  };
}
