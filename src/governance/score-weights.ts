/** What a scorecard measures, each a share from 0 to 1. */
export type ScorePartKey = 'designRules' | 'documentation' | 'exampleCoverage' | 'security' | 'lifecycle';

/** One measure of the score: its weight, and what it measures in the page's words. */
export interface ScoreWeight {
  key: ScorePartKey;
  label: string;
  weight: number;
  measures: string;
}

/**
 * The weights of the score, out of 100 when every part is measured. The page's formula is written
 * from this table, so the score and its explanation cannot drift apart.
 */
export const scoreWeights: readonly ScoreWeight[] = [
  { key: 'designRules', label: 'Design rules', weight: 30, measures: 'the share of design rules passed by the contract (a waived rule counts as passed)' },
  { key: 'documentation', label: 'Documentation', weight: 25, measures: 'the share of business fields filled' },
  {
    key: 'exampleCoverage',
    label: 'Examples',
    weight: 20,
    measures: 'the share of operations with an OK and a KO example (an event operation: an example of its message)',
  },
  { key: 'security', label: 'Security', weight: 15, measures: '1 when the contract declares a security scheme, else 0' },
  {
    key: 'lifecycle',
    label: 'Lifecycle',
    weight: 10,
    measures: 'for a deprecated API, half for a sunset date and half for a named replacement; any other API meets it',
  },
];

/** The formula as the page writes it, from the weights of the parts measured; the others are named as left out. */
export function formulaText(measured: ReadonlySet<ScorePartKey>): string {
  const used = scoreWeights.filter((w) => measured.has(w.key));
  const total = used.reduce((sum, w) => sum + w.weight, 0);
  const sum = used.map((w) => `${w.weight} × ${w.label.toLowerCase()}`).join(' + ');
  const left = scoreWeights.filter((w) => !measured.has(w.key)).map((w) => w.label.toLowerCase());
  const leftOut = left.length > 0 ? ` Not measured for this build, so left out of the score rather than counted as zero: ${left.join(', ')}.` : '';
  return `Score = 100 × (${sum}) ÷ ${total}, rounded, where each part is a share from 0 to 1: ${used.map((w) => `${w.label.toLowerCase()} is ${w.measures}`).join('; ')}.${leftOut}`;
}
