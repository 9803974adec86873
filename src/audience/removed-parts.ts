import { hasInternalPart, shapeOf } from './reachable.ts';
import type { Part, PartKind } from './reachable-parts.ts';

/** The parts of `original` that `filtered` (the same contract as a build publishes it) no longer holds. */
export function removedParts(original: unknown, filtered: unknown): Part[] {
  return diff(original, filtered).removed;
}

/** The names of the removed parts, by kind, but those that a kept part of the same kind also bears. */
export function removedNames(original: unknown, filtered: unknown): Map<PartKind, Set<string>> {
  const { removed, kept } = diff(original, filtered);
  const names = new Map<PartKind, Set<string>>();
  for (const part of removed) for (const name of part.names) names.set(part.kind, (names.get(part.kind) ?? new Set()).add(name));
  for (const part of kept) for (const name of part.names) names.get(part.kind)?.delete(name);
  return names;
}

function diff(original: unknown, filtered: unknown): { removed: Part[]; kept: Part[] } {
  if (!hasInternalPart(original)) return { removed: [], kept: [] };
  const kept = shapeOf(filtered)?.parts ?? [];
  const ids = new Set(kept.map((part) => part.id));
  return { removed: (shapeOf(original)?.parts ?? []).filter((part) => !ids.has(part.id)), kept };
}
