import type { ContractShape } from '../contracts/contract-shape.ts';

/** A pair of APIs alike enough to be worth a reader's look, with what they share. */
export interface Overlap {
  a: string;
  b: string;
  operations: { shared: string[]; union: number };
  schemas: { shared: [string, string][]; union: number };
}

/**
 * Jaccard index (shared ÷ either) of the two APIs' operation signatures, or of their component
 * schemas' property-name sets, from which a pair is reported: at 0.6 most of what either API
 * offers the other offers too. A share over fewer than `minShared` items is chance (two small
 * APIs with one `GET /{}` each), and a signature held by more than `maxHolders` APIs is a
 * convention (`GET /health`, an `Error` schema), not a sign of duplication: both are left out.
 */
export const overlapThreshold = 0.6;
const minShared = 3;
const maxHolders = 12;

/**
 * The pairs whose operations or schemas overlap past the threshold. Signatures are indexed, so
 * only pairs sharing one are compared: cheap at 1,250 APIs. `related` tells two APIs of one
 * product line apart from duplicates.
 */
export function findOverlaps(shapes: ReadonlyMap<string, ContractShape>, related: (a: string, b: string) => boolean): Overlap[] {
  const schemaKey = (properties: readonly string[]) => properties.join(',');
  const byOperation = index(shapes, (shape) => shape.operations);
  const bySchema = index(shapes, (shape) => shape.schemas.map((s) => schemaKey(s.properties)));
  const candidates = new Set<string>();
  for (const holders of [...byOperation.values(), ...bySchema.values()]) {
    if (holders.length > maxHolders) continue;
    for (let i = 0; i < holders.length; i++) for (let j = i + 1; j < holders.length; j++) candidates.add(`${holders[i]}\0${holders[j]}`);
  }
  const overlaps: Overlap[] = [];
  for (const pair of candidates) {
    const [a, b] = pair.split('\0') as [string, string];
    if (related(a, b)) continue;
    const left = shapes.get(a)!;
    const right = shapes.get(b)!;
    const rightOps = new Set(right.operations);
    const sharedOps = left.operations.filter((op) => rightOps.has(op));
    const rightSchemas = new Map(right.schemas.map((s) => [schemaKey(s.properties), s.name]));
    const sharedSchemas = left.schemas.flatMap((s): [string, string][] => (rightSchemas.has(schemaKey(s.properties)) ? [[s.name, rightSchemas.get(schemaKey(s.properties))!]] : []));
    const operations = { shared: sharedOps, union: left.operations.length + right.operations.length - sharedOps.length };
    const schemas = { shared: sharedSchemas, union: left.schemas.length + right.schemas.length - sharedSchemas.length };
    if (isStrong(operations.shared.length, operations.union) || isStrong(schemas.shared.length, schemas.union)) overlaps.push({ a, b, operations, schemas });
  }
  return overlaps.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

function isStrong(shared: number, union: number): boolean {
  return shared >= minShared && shared / union >= overlapThreshold;
}

function index(shapes: ReadonlyMap<string, ContractShape>, keys: (shape: ContractShape) => string[]): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const [api, shape] of [...shapes].sort(([x], [y]) => x.localeCompare(y))) {
    for (const key of new Set(keys(shape))) holders.set(key, [...(holders.get(key) ?? []), api]);
  }
  return holders;
}
