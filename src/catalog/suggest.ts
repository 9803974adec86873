import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to a mistyped value, when it is close enough to be a likely typo. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(value, [...candidates]);
  return distance(value, best) <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}
