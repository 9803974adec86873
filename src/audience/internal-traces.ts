/**
 * What removing the `x-internal` parts of a contract leaves behind, removed too: references to
 * schemas and messages that are gone (the property, variant or message holding one goes with it),
 * discriminator mappings to them, every part that only hidden parts reached (reachable.ts), and
 * the hidden properties' keys in examples. Works on OpenAPI 2/3 and AsyncAPI
 * documents, after `stripInternal`.
 */

import { refSegments } from '../catalog/examples/json-pointer.ts';
import { isRecord } from '../catalog/is-record.ts';
import { dropUnreachable } from './reachable.ts';

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

/** Keys whose value is one schema (AsyncAPI messages' `payload` and `headers` too): a dangling one goes. */
const schemaKeys = new Set(['items', 'additionalProperties', 'schema', 'not', 'payload', 'headers']);

/** Drops properties, variants, items and messages that point at something no longer in the document. */
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
    if (holdsRef(child) && !resolves(document, child.$ref) && schemaKeys.has(key)) {
      delete value[key];
      changed = true;
    } else if (key === 'messages' && isRecord(child)) {
      for (const [name, message] of Object.entries(child)) {
        if (holdsRef(message) && !resolves(document, message.$ref)) {
          delete child[name];
          changed = true;
        } else changed = dropDanglingRefs(document, message) || changed;
      }
    } else changed = dropDanglingRefs(document, child) || changed;
  }
  return changed;
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Paths and webhooks whose every operation was removed: the path or name would still say what they did. */
function dropEmptyPaths(stripped: Json): void {
  for (const section of ['paths', 'webhooks']) {
    const items = stripped[section];
    if (!isRecord(items)) continue;
    for (const [route, item] of Object.entries(items)) {
      // A path item that is a reference holds its operations elsewhere.
      if (isRecord(item) && !('$ref' in item) && !Object.keys(item).some((key) => methods.has(key))) delete items[route];
    }
  }
}

/** AsyncAPI 2 channels name their servers: the names of servers that are gone go from the lists. */
function dropUnknownServers(stripped: Json): void {
  if (!isRecord(stripped['channels']) || !String(stripped['asyncapi']).startsWith('2.')) return;
  const servers = isRecord(stripped['servers']) ? stripped['servers'] : {};
  for (const channel of Object.values(stripped['channels'])) {
    if (isRecord(channel) && Array.isArray(channel['servers']))
      channel['servers'] = channel['servers'].filter((name) => typeof name !== 'string' || name in servers);
  }
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
  dropUnknownServers(stripped);
  // A message removed from a channel leaves the operations' references to it dangling in turn.
  for (let round = 0; round < 10 && dropDanglingRefs(stripped, stripped); round++);
  dropUnreachable(original, stripped);
  scrubExamples(stripped, hiddenPropertyNames(original, stripped));
  return stripped;
}
