/**
 * What a contract document still reaches from its visible operations: the graph is the same for
 * every format (local `$ref`s, discriminator mappings, names of security schemes and tags), only
 * its parts and roots differ (reachable-openapi.ts, reachable-asyncapi.ts).
 */

import { refSegments, toPointer } from '../catalog/examples/json-pointer.ts';
import { isRecord } from '../catalog/is-record.ts';
import { asyncApiShape } from './reachable-asyncapi.ts';
import { openApiShape } from './reachable-openapi.ts';
import { nodeAt, nodeOf, type Part, type Shape } from './reachable-parts.ts';

/** The shape of an OpenAPI 2/3 or AsyncAPI 2/3 document; undefined for anything else. */
export function shapeOf(document: unknown): Shape | undefined {
  if (!isRecord(document)) return undefined;
  if ('asyncapi' in document) return asyncApiShape(document);
  if ('openapi' in document || 'swagger' in document || 'paths' in document) return openApiShape(document);
  return undefined;
}

/** The parts of `document` that `roots` (pointers) reach, by id. */
export function reachedParts(document: unknown, shape: Shape, roots: readonly string[]): Set<string> {
  const byPointer = new Map(shape.parts.filter((part) => !part.nested).map((part) => [part.pointer, part]));
  const tags = new Map<string, string>();
  // The tags of the document's list, by name: an operation's tag, or a tag of the components, links them.
  for (const part of shape.parts) if (part.kind === 'tag' && part.id.startsWith('tag:')) for (const name of part.names) tags.set(name, part.pointer);
  const reached = new Set<string>();
  const seen = new Set<string>();
  const queue = [...roots];
  const link = (target: string) => {
    if (target !== '' && !seen.has(target)) queue.push(target);
  };
  const walk = (value: unknown, key: string | undefined, parentKey: string | undefined): void => {
    if (Array.isArray(value)) {
      if (key === 'tags') for (const tag of value) link(tags.get(isRecord(tag) ? String(tag['name']) : String(tag)) ?? '');
      if (key === 'security')
        for (const requirement of value) if (isNamedRequirement(requirement)) for (const name of Object.keys(requirement)) link(shape.schemeAt(name));
      for (const item of value) walk(item, undefined, key);
      return;
    }
    if (!isRecord(value)) return;
    if (typeof value['$ref'] === 'string') link(value['$ref']);
    if (key === 'mapping' && parentKey === 'discriminator')
      for (const target of Object.values(value)) if (typeof target === 'string') link(target.startsWith('#') ? target : shape.schemaAt(target));
    for (const [childKey, child] of Object.entries(value)) if (typeof child === 'object' && child !== null) walk(child, childKey, key);
  };
  for (let pointer = queue.pop(); pointer !== undefined; pointer = queue.pop()) {
    if (seen.has(pointer) || !pointer.startsWith('#')) continue;
    seen.add(pointer);
    const part = partHolding(pointer, byPointer);
    if (part) {
      if (reached.has(part.id)) continue;
      reached.add(part.id);
      const node = nodeOf(part);
      for (const target of shape.partLinks(part, node)) link(target);
      if (part.kind === 'tag' && isRecord(node) && typeof node['name'] === 'string') link(tags.get(node['name']) ?? '');
      walk(node, undefined, undefined);
    } else {
      const segments = refSegments(pointer) ?? [];
      walk(nodeAt(document, pointer), segments.at(-1), segments.at(-2));
    }
  }
  return reached;
}

/** A security requirement that names its schemes (OpenAPI, AsyncAPI 2), not a `$ref` to one (AsyncAPI 3). */
function isNamedRequirement(value: unknown): value is Record<string, unknown[]> {
  return isRecord(value) && Object.values(value).every((scopes) => Array.isArray(scopes));
}

/** The part a pointer is in: parts sit two or three segments down (`/channels/x`, `/components/schemas/X`). */
function partHolding(pointer: string, byPointer: ReadonlyMap<string, Part>): Part | undefined {
  const segments = refSegments(pointer) ?? [];
  for (let length = Math.min(3, segments.length); length > 0; length--) {
    const part = byPointer.get(`#${toPointer(segments.slice(0, length))}`);
    if (part) return part;
  }
  return undefined;
}

/**
 * Removes from `stripped` (the original without its x-internal parts) every part that its visible
 * roots no longer reach, but those that nothing reached in the original either: an unused schema
 * is not reachable "only through hidden parts", and what it refers to stays with it.
 */
export function dropUnreachable(original: unknown, stripped: unknown): void {
  // Nothing hidden: the stripped document reaches all that the original did.
  if (!hasInternalPart(original)) return;
  const before = shapeOf(original);
  const after = shapeOf(stripped);
  if (!before || !after) return;
  const usedBefore = reachedParts(original, before, before.roots);
  const known = new Set(before.parts.map((part) => part.id));
  const unused = after.parts.filter((part) => !part.nested && known.has(part.id) && !usedBefore.has(part.id)).map((part) => part.pointer);
  const reached = reachedParts(stripped, after, [...after.roots, ...unused]);
  const gone = after.parts.filter((part) => !part.nested && !reached.has(part.id));
  for (const part of gone) if (!Array.isArray(part.holder)) delete part.holder[part.key];
  // Array items last to first, so the indexes of the others still hold.
  const items = gone.filter((part) => Array.isArray(part.holder)).sort((a, b) => Number(b.key) - Number(a.key));
  for (const part of items) (part.holder as unknown[]).splice(Number(part.key), 1);
}

/** Whether anything in a document is marked `x-internal: true`: the first one found ends the walk. */
export function hasInternalPart(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasInternalPart);
  if (!isRecord(value)) return false;
  if (value['x-internal'] === true) return true;
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && hasInternalPart(child)) return true;
  return false;
}
