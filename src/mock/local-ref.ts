import { isRecord } from '../catalog/is-record.ts';

type Json = Record<string, unknown>;

/** Follows a `$ref` inside the same document ("#/components/responses/NotFound"), chains included. */
export function resolveLocalRef(document: unknown, node: unknown): unknown {
  const seen = new Set<string>();
  let current = node;
  while (isRecord(current) && typeof current['$ref'] === 'string' && current['$ref'].startsWith('#')) {
    const ref = current['$ref'];
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    current = atPointer(document, ref.slice(1));
  }
  return current;
}

/** The value at a JSON pointer ("/paths/~1customer/get"), or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let node = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}
