import type { PathSegment } from './read-yaml.ts';

/** How deep values may nest in one file. Real contracts stay under 40; parsers and validators recurse. */
export const maxNesting = 256;

/** The path to the first value nested deeper than `maxNesting`, or undefined; walked without recursion. */
export function tooDeepPath(root: unknown): PathSegment[] | undefined {
  // Contracts reach 20 MB: the common answer (no) comes from a walk that allocates nothing per value.
  const values: unknown[] = [root];
  const depths: number[] = [0];
  let deepest = false;
  while (values.length > 0 && !deepest) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= maxNesting) deepest = true;
    else
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        if (child && typeof child === 'object') {
          values.push(child);
          depths.push(depth + 1);
        }
      }
  }
  return deepest ? pathBelow(root, []) : undefined;
}

/** The path from `value` to a value at `maxNesting` levels; only called when there is one. */
function pathBelow(value: unknown, path: PathSegment[]): PathSegment[] | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (path.length >= maxNesting) return path;
  for (const key in value) {
    const found = pathBelow((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
