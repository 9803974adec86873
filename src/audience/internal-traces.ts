/**
 * What removing the `x-internal` parts of a contract leaves behind, removed too: references to
 * schemas that are gone (the property or variant holding one goes with it), discriminator
 * mappings to them, components that only hidden parts used, tags that only hidden operations
 * carried, and the hidden properties' keys in examples. Works on OpenAPI 2/3 and AsyncAPI
 * documents, after `stripInternal`.
 */

import { refSegments, toPointer } from '../catalog/examples/json-pointer.ts';
import { isRecord } from '../catalog/is-record.ts';

type Json = Record<string, unknown>;

function resolves(document: unknown, ref: string): boolean {
  const pointer = refSegments(ref);
  if (!pointer) return true; // Not a local reference: bundling resolved it, or it is not ours to judge.
  let node = document;
  for (const part of pointer) {
    if (!isRecord(node) && !Array.isArray(node)) return false;
    node = (node as Json)[part];
    if (node === undefined) return false;
  }
  return true;
}

const holdsRef = (value: unknown): value is Json & { $ref: string } => isRecord(value) && typeof value['$ref'] === 'string';

/** Drops properties, variants and items that point at something no longer in the document. */
function dropDanglingRefs(document: unknown, value: unknown): boolean {
  let changed = false;
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      if (holdsRef(value[i]) && !resolves(document, value[i].$ref)) {
        value.splice(i, 1);
        changed = true;
      } else changed = dropDanglingRefs(document, value[i]) || changed;
    }
    return changed;
  }
  if (!isRecord(value)) return false;
  const properties = value['properties'];
  if (isRecord(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      if (holdsRef(property) && !resolves(document, property.$ref)) {
        delete properties[name];
        if (Array.isArray(value['required'])) value['required'] = value['required'].filter((r) => r !== name);
        changed = true;
      }
    }
  }
  const mapping = isRecord(value['discriminator']) ? value['discriminator']['mapping'] : undefined;
  if (isRecord(mapping)) {
    for (const [key, target] of Object.entries(mapping)) {
      if (typeof target === 'string' && target.startsWith('#/') && !resolves(document, target)) {
        delete mapping[key];
        changed = true;
      }
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'properties' || key === 'example' || key === 'examples') {
      if (key === 'properties' && isRecord(child)) for (const property of Object.values(child)) changed = dropDanglingRefs(document, property) || changed;
      continue;
    }
    if (holdsRef(child) && !resolves(document, child.$ref) && ['items', 'additionalProperties', 'schema', 'not'].includes(key)) {
      delete value[key];
      changed = true;
    } else changed = dropDanglingRefs(document, child) || changed;
  }
  return changed;
}

/** Every local `$ref` in a document, as written. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        into.add(child);
      } else if (key === 'mapping' && isRecord(child)) {
        for (const target of Object.values(child)) if (typeof target === 'string') into.add(target);
      } else {
        refsIn(child, into);
      }
    }
  }
  return into;
}

/** The reusable sections of a document: OpenAPI 3 and AsyncAPI components, Swagger 2.0 definitions and friends. */
function componentSections(document: Json): [string[], Json][] {
  const sections: [string[], Json][] = [];
  if (isRecord(document['components']))
    for (const [name, section] of Object.entries(document['components'])) if (isRecord(section)) sections.push([['components', name], section]);
  for (const name of ['definitions', 'parameters', 'responses']) if (isRecord(document[name])) sections.push([[name], document[name] as Json]);
  return sections;
}

const refTo = (path: string[]) => `#${toPointer(path)}`;

/**
 * The references a document makes to its components from anywhere but the component itself
 * (a schema that refers to itself is not kept by that).
 */
function usedRefs(document: Json): Set<string> {
  const used = new Set<string>();
  for (const [path, section] of componentSections(document))
    for (const [name, component] of Object.entries(section)) for (const ref of refsIn(component, new Set())) if (ref !== refTo([...path, name])) used.add(ref);
  return refsIn({ ...document, components: undefined, definitions: undefined, parameters: undefined, responses: undefined }, used);
}

/** Removes components the original document used and the stripped one no longer does, until none is left; true if it removed any. */
function dropOrphanedComponents(original: Json, stripped: Json): boolean {
  const usedBefore = usedRefs(original);
  let any = false;
  for (let removed = true; removed;) {
    removed = false;
    const usedNow = usedRefs(stripped);
    for (const [path, section] of componentSections(stripped)) {
      for (const name of Object.keys(section)) {
        const ref = refTo([...path, name]);
        if (usedBefore.has(ref) && !usedNow.has(ref)) {
          delete section[name];
          removed = true;
          any = true;
        }
      }
    }
  }
  return any;
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Paths whose every operation was removed: the path itself would still say what they did. */
function dropEmptyPaths(stripped: Json): void {
  const paths = stripped['paths'];
  if (!isRecord(paths)) return;
  for (const [route, item] of Object.entries(paths)) {
    if (isRecord(item) && !Object.keys(item).some((key) => methods.has(key))) delete paths[route];
  }
}

/** Top-level tags that only removed operations carried. */
function dropUnusedTags(original: Json, stripped: Json): void {
  if (!Array.isArray(stripped['tags'])) return;
  const used = (document: Json) => {
    const names = new Set<string>();
    for (const item of Object.values(isRecord(document['paths']) ? document['paths'] : {}))
      for (const op of Object.values(isRecord(item) ? item : {}))
        if (isRecord(op) && Array.isArray(op['tags'])) for (const tag of op['tags']) names.add(String(tag));
    for (const op of Object.values(isRecord(document['operations']) ? document['operations'] : {}))
      if (isRecord(op) && Array.isArray(op['tags'])) for (const tag of op['tags']) names.add(isRecord(tag) ? String(tag['name']) : String(tag));
    return names;
  };
  const before = used(original);
  const now = used(stripped);
  stripped['tags'] = stripped['tags'].filter((tag) => {
    const name = isRecord(tag) ? String(tag['name']) : String(tag);
    return now.has(name) || !before.has(name);
  });
}

/** Deletes `keys` from every object inside example values (everywhere in `value` when `inExample`). */
export function scrubExamples(value: unknown, keys: ReadonlySet<string>, inExample = false): void {
  if (Array.isArray(value)) for (const item of value) scrubExamples(item, keys, inExample);
  else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (inExample && keys.has(key)) delete value[key];
      else scrubExamples(child, keys, inExample || key === 'example' || key === 'examples' || key === 'x-examples');
    }
  }
}

/** Names of properties marked x-internal in `original` that no visible property of `stripped` carries. */
export function hiddenPropertyNames(original: unknown, stripped: unknown): Set<string> {
  const names = (value: unknown, internal: boolean, into: Set<string>): Set<string> => {
    if (Array.isArray(value)) for (const item of value) names(item, internal, into);
    else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'properties' && isRecord(child)) {
          for (const [name, property] of Object.entries(child)) if ((isRecord(property) && property['x-internal'] === true) === internal) into.add(name);
        }
        if (key !== 'example' && key !== 'examples') names(child, internal, into);
      }
    }
    return into;
  };
  const visible = names(stripped, false, new Set());
  return new Set([...names(original, true, new Set())].filter((name) => !visible.has(name)));
}

/** Cleans what `stripInternal` left of `original` in `stripped` (changed in place, and returned). */
export function withoutInternalTraces(original: unknown, stripped: unknown): unknown {
  if (!isRecord(original) || !isRecord(stripped)) return stripped;
  dropEmptyPaths(stripped);
  // Removing a property can orphan a component, whose removal can leave another reference dangling.
  for (let round = 0; round < 10; round++) {
    const dangling = dropDanglingRefs(stripped, stripped);
    const orphaned = dropOrphanedComponents(original, stripped);
    if (!dangling && !orphaned) break;
  }
  dropUnusedTags(original, stripped);
  scrubExamples(stripped, hiddenPropertyNames(original, stripped));
  return stripped;
}

/** Names of the schema components a document holds (OpenAPI 3 and AsyncAPI `components.schemas`, Swagger 2.0 `definitions`). */
export function schemaComponentNames(document: unknown): Set<string> {
  if (!isRecord(document)) return new Set();
  const components = isRecord(document['components']) ? document['components']['schemas'] : undefined;
  return new Set([...Object.keys(isRecord(components) ? components : {}), ...Object.keys(isRecord(document['definitions']) ? document['definitions'] : {})]);
}
