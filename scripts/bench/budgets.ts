import type { CommandResult, Scenario } from './results.ts';

/** A budget of issue 14 (or docs/performance.md) for one command, scenario and catalogue size. */
export interface Budget {
  label: string;
  command: CommandResult['command'];
  scenario: Scenario;
  /** The catalogue sizes the budget is set for; measured at one of them, the verdict is plain. */
  apis: readonly number[];
  seconds: number;
  /** Peak RSS of all the run's processes together. */
  rssMB?: number;
}

const GB = 1024;

/** The time and memory budgets this benchmark can measure (1.5 GB = 1536 MiB). */
export const BUDGETS: readonly Budget[] = [
  { label: 'build, 1,000 OpenAPI + 250 AsyncAPI, search included', command: 'build', scenario: 'cold', apis: [1250], seconds: 60, rssMB: 1.5 * GB },
  { label: 'the same, warm cache, one contract changed', command: 'build', scenario: 'warm-changed', apis: [1250], seconds: 10 },
  { label: 'the same, warm cache, nothing changed', command: 'build', scenario: 'warm', apis: [1250], seconds: 5 },
  { label: 'check, same catalogue, cold (1.5 GB: performance.md)', command: 'check', scenario: 'cold', apis: [1000, 1250], seconds: 10, rssMB: 1.5 * GB },
  { label: 'check, same catalogue, warm', command: 'check', scenario: 'warm', apis: [1000, 1250], seconds: 2 },
  { label: 'lint, 1,000 contracts, cold, 2 cores', command: 'lint', scenario: 'cold', apis: [1000, 1250], seconds: 60 },
  { label: 'lint, same catalogue, warm, nothing changed', command: 'lint', scenario: 'warm', apis: [1000, 1250], seconds: 2 },
  { label: 'build, 5,000 APIs (linear, not worse)', command: 'build', scenario: 'cold', apis: [5000], seconds: 300, rssMB: 3 * GB },
  { label: 'build, 50 APIs (performance.md)', command: 'build', scenario: 'cold', apis: [50], seconds: 10, rssMB: 600 },
];

/** CPU share of all processes during the stages that can use both cores, in % of one core. */
export const CPU_BUDGET = { stages: ['contracts', 'render'], percent: 180 } as const;
/** HTML of a typical API page (the portal issue's target). */
export const API_PAGE_KB = 150;
/** Output per API, shared assets aside. */
export const OUTPUT_PER_API_KB = 150;
/** Marginal cost of each extra API (performance.md). */
export const PER_EXTRA_API = { seconds: 0.05, rssMB: 1 } as const;

/**
 * Whether a budget is met by figures measured at `apis` APIs. A pass at a larger size, or a miss
 * at a smaller one, settles it; otherwise the budget was not measured.
 */
export function verdict(budget: Budget, apis: number, seconds: number, rssMB: number): string {
  const slow = seconds > budget.seconds;
  const heavy = budget.rssMB !== undefined && rssMB > budget.rssMB;
  const misses = [slow ? 'time' : '', heavy ? 'memory' : ''].filter(Boolean).join(' and ');
  if (budget.apis.includes(apis)) return misses ? `MISSED (${misses})` : 'met';
  if (apis > Math.max(...budget.apis) && !misses) return `met (even at ${apis} APIs)`;
  if (apis < Math.min(...budget.apis) && misses) return `MISSED (${misses}, already at ${apis} APIs)`;
  return `not measured: run --apis ${Math.max(...budget.apis)} --build`;
}
