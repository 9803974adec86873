import { createHash } from 'node:crypto';
import { refSegments, toPointer } from './json-pointer.ts';

/** Keywords that change how a `$ref` resolves: a schema holding one is validated in its whole document. */
const scopeKeywords = ['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef'];

/** Keywords whose value is data, not a schema: a `$ref` written there is a value and must stay as written. */
const valueKeywords = new Set(['enum', 'const']);

/** The scheme of a unit's id: its key follows. */
export const unitScheme = 'urn:portolan:schema:';

/** A schema of a document as a unit of its own: its `$ref`s name other units by key. */
export interface SchemaUnit {
  key: string;
  /** The copy to compile, made when asked for: a unit met before needs none. */
  schema(): object;
}

interface Found {
  value: object;
  json: string;
  targets: string[];
}

/**
 * The schema at `pointer` in `document` and every schema its local `$ref`s reach, as units that
 * stand alone: each is a copy whose refs name their targets by key, and each key is a hash of
 * the unit's content and of everything it reaches. Two contracts that hold the same schema (a
 * problem schema, a money amount) thus give the same unit, and Ajv compiles it once. The first
 * unit is the one at `pointer`. Undefined when a schema reaches outside the document (a ref to
 * another file or to a missing place), changes the base of its refs (`$id`, anchors), or writes a
 * `$ref` inside an `enum` or `const`: those are validated within their whole document.
 */
export function schemaUnits(document: object, pointer: string): SchemaUnit[] | undefined {
  const found = new Map<string, Found>();
  const start = toPointer(refSegments(`#${pointer}`) ?? []);
  const pending = [start];
  for (let at = pending.pop(); at !== undefined; at = pending.pop()) {
    if (found.has(at)) continue;
    const value = valueAt(document, refSegments(`#${at}`)!);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const targets = refTargets(value);
    if (!targets) return undefined;
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return undefined;
    }
    found.set(at, { value, json, targets });
    pending.push(...targets);
  }
  const keys = new Map([...found.keys()].map((at) => [at, keyOf(at, found)]));
  return [start, ...[...found.keys()].filter((at) => at !== start)].map((at) => ({
    key: keys.get(at)!,
    schema: () => withRefs(found.get(at)!.value, (target) => `${unitScheme}${keys.get(target)!}`),
  }));
}

/** The value at `segments`, no `$ref` followed; undefined when a step is missing or an ancestor sets `$id`. */
function valueAt(document: object, segments: readonly string[]): unknown {
  let value: unknown = document;
  for (const segment of segments) {
    if (!value || typeof value !== 'object' || typeof (value as Record<string, unknown>)['$id'] === 'string' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The canonical pointer of each `$ref` under `value`; undefined when one cannot be a unit. */
function refTargets(value: object): string[] | undefined {
  const targets: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, inValue: boolean): boolean => {
    if (!node || typeof node !== 'object') return true;
    // Aliases of a YAML file may share a part, or loop: each is looked at once.
    if (seen.has(node)) return true;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (!Array.isArray(node)) {
      // A copy could not hold it as an own key.
      if (Object.hasOwn(record, '__proto__')) return false;
      if (scopeKeywords.some((keyword) => typeof record[keyword] === 'string')) return false;
      const ref = record['$ref'];
      if (typeof ref === 'string') {
        const target = refSegments(ref);
        if (!target || inValue) return false;
        targets.push(toPointer(target));
      }
    }
    return Object.entries(record).every(([key, child]) => visit(child, inValue || (!Array.isArray(node) && valueKeywords.has(key))));
  };
  return visit(value, false) ? targets : undefined;
}

/** A hash of the unit at `at` and of every unit it reaches, each with its place in the document. */
function keyOf(at: string, found: ReadonlyMap<string, Found>): string {
  const reached = new Set([at]);
  for (const unit of reached) for (const target of found.get(unit)!.targets) reached.add(target);
  const hash = createHash('sha256').update(at);
  for (const unit of [...reached].sort()) hash.update('\0').update(unit).update('\0').update(found.get(unit)!.json);
  return hash.digest('base64url');
}

/** A copy of `value` whose `$ref`s are replaced by `rename` of their canonical pointer. */
function withRefs(value: object, rename: (target: string) => string): object {
  const copies = new Map<object, unknown>();
  const copy = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (copies.has(node)) return copies.get(node);
    if (Array.isArray(node)) {
      const items: unknown[] = [];
      copies.set(node, items);
      for (const item of node) items.push(copy(item));
      return items;
    }
    const record: Record<string, unknown> = {};
    copies.set(node, record);
    for (const [key, child] of Object.entries(node)) {
      record[key] = key === '$ref' && typeof child === 'string' ? rename(toPointer(refSegments(child)!)) : copy(child);
    }
    return record;
  };
  return copy(value) as object;
}
