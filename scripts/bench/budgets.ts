/** A budget of performance.md for one command at one catalogue size. */
export interface Budget {
  label: string;
  command: 'check' | 'build';
  apis: number;
  seconds: number;
  rssMB: number;
}

/** The budgets of docs/performance.md that this benchmark can measure (1.5 GB = 1536 MiB). */
export const BUDGETS: readonly Budget[] = [
  { label: 'check of 1,000 APIs', command: 'check', apis: 1000, seconds: 10, rssMB: 1536 },
  { label: 'build of 50 APIs', command: 'build', apis: 50, seconds: 10, rssMB: 600 },
  { label: 'build of 1,250 APIs', command: 'build', apis: 1250, seconds: 60, rssMB: 1536 },
];

/** HTML of a typical API page (the portal issue's target). */
export const API_PAGE_KB = 150;
/** Output per API, shared assets aside (performance.md). */
export const OUTPUT_PER_API_KB = 150;
/** Marginal cost of each extra API (performance.md). */
export const PER_EXTRA_API = { seconds: 0.05, rssMB: 1 } as const;

/**
 * Whether a budget is met by figures measured at `apis` APIs. A pass at a larger size, or a miss
 * at a smaller one, settles it; otherwise the budget was not measured.
 */
export function verdict(budget: Budget, apis: number, seconds: number, rssMB: number): string {
  const within = seconds <= budget.seconds && rssMB <= budget.rssMB;
  const misses = [seconds > budget.seconds ? 'time' : '', rssMB > budget.rssMB ? 'memory' : ''].filter(Boolean).join(' and ');
  if (apis === budget.apis) return within ? 'met' : `MISSED (${misses})`;
  if (apis > budget.apis && within) return `met (even at ${apis} APIs)`;
  if (apis < budget.apis && !within) return `MISSED (${misses}, already at ${apis} APIs)`;
  return `not measured: run --apis ${budget.apis}`;
}
