import { refSegments, toPointer } from '../catalog/examples/json-pointer.ts';
import { isRecord } from '../catalog/is-record.ts';

type Json = Record<string, unknown>;

/** What a part of a contract is, as the audit names it. */
export type PartKind = 'schema' | 'component' | 'security scheme' | 'tag' | 'server' | 'channel' | 'message' | 'operation';

/** A part of a contract document that is published only when something visible reaches it. */
export interface Part {
  /** The same in the original document and in the stripped one. */
  id: string;
  kind: PartKind;
  /** Its key, and what else names it (a channel's address, a message's name, a tag's name). */
  names: string[];
  /** Where it is, a JSON pointer from the root (`#/components/schemas/Customer`). */
  pointer: string;
  /** The object or array that holds it, and its key or index there. */
  holder: Json | unknown[];
  key: string | number;
  /** A part inside another (a message of an AsyncAPI 3 channel): named, never removed on its own. */
  nested?: boolean;
}

/** The parts of a document of one format, where its visible roots are, and the links its names make. */
export interface Shape {
  parts: Part[];
  /** Pointers of what is published whatever it reaches: operations, paths, the root `security`, `info`. */
  roots: string[];
  /** Pointer of a security scheme named in a security requirement. */
  schemeAt: (name: string) => string;
  /** Pointer of a schema named by a discriminator mapping without `#`. */
  schemaAt: (name: string) => string;
  /** Pointers a part names beside its `$ref`s (the servers of an AsyncAPI channel). */
  partLinks: (part: Part, node: unknown) => string[];
}

/** The node at a pointer of `document`, or undefined. */
export function nodeAt(document: unknown, pointer: string): unknown {
  const segments = refSegments(pointer);
  if (!segments) return undefined;
  let node = document;
  for (const segment of segments) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[segment];
  }
  return node;
}

/** The node at `path` of `document` when it is an object. */
export function recordAt(document: unknown, path: readonly string[]): Json | undefined {
  let node = document;
  for (const segment of path) node = isRecord(node) ? node[segment] : undefined;
  return isRecord(node) ? node : undefined;
}

/** Each entry of the object at `path` as a part of `kind`, named by its key and by what `alsoNamed` reads of it. */
export function sectionParts(document: unknown, path: readonly string[], kind: PartKind, alsoNamed: readonly string[] = []): Part[] {
  const holder = recordAt(document, path);
  if (!holder) return [];
  return Object.entries(holder).map(([key, node]) => {
    const pointer = `#${toPointer([...path, key])}`;
    const names = [key, ...alsoNamed.flatMap((field) => (isRecord(node) && typeof node[field] === 'string' ? [node[field]] : []))];
    return { id: pointer, kind, names, pointer, holder, key };
  });
}

/** What a part is: the value at its place in the document. */
export function nodeOf(part: Part): unknown {
  return Array.isArray(part.holder) ? part.holder[part.key as number] : part.holder[part.key];
}

/** Each tag of the list at `path` (OpenAPI and AsyncAPI 2 `tags`, AsyncAPI 3 `info.tags`), one part a name. */
export function tagParts(document: unknown, path: readonly string[]): Part[] {
  const holder = path.reduce<unknown>((node, segment) => (isRecord(node) ? node[segment] : undefined), document);
  if (!Array.isArray(holder)) return [];
  return holder.flatMap((tag, index) => {
    const name = isRecord(tag) ? tag['name'] : undefined;
    if (typeof name !== 'string') return [];
    return [{ id: `tag:${toPointer(path)}:${name}`, kind: 'tag' as const, names: [name], pointer: `#${toPointer([...path, index])}`, holder, key: index }];
  });
}

/** Pointers of the top-level entries of `document` but `containers`, where the parts are: they are published whatever reaches them. */
export function rootsBeside(document: Json, containers: ReadonlySet<string>): string[] {
  return Object.keys(document)
    .filter((key) => !containers.has(key))
    .map((key) => `#${toPointer([key])}`);
}
