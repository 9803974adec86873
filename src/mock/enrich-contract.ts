import type { Example, Operation } from '../catalog/model.ts';
import { isRecord } from '../catalog/is-record.ts';
import { resolveLocalRef } from './local-ref.ts';

type Json = Record<string, unknown>;

/**
 * The contract with the catalogue's examples added to its responses, so Prism can answer with them.
 *
 * OpenAPI 3: `content[mediaType].examples[label] = { summary, value }`, ahead of the contract's own
 * examples (its single `example`, which may not sit beside `examples`, joins them as "example").
 * Swagger 2.0 holds one example per media type: `examples[mediaType]` gets the status's default
 * example, and `examples[label]` every example (Prism's http-spec hands keys that are not media
 * types to the first media type, so `Prefer: example=<label>` finds them).
 *
 * An example of a status the contract covers with a shared (`$ref`), range (`4XX`) or `default`
 * response gets a copy of that response under its own status, so examples never leak to the other
 * operations or statuses sharing it. Only the objects on the way to a changed response are copied:
 * the input document is never mutated.
 */
export function enrichContract(document: unknown, operations: readonly Operation[]): unknown {
  if (!isRecord(document)) return document;
  const root: Json = { ...document };
  const copies = new WeakSet<Json>([root]);
  /** parent[key], resolved and copied once, so it can be changed without touching the input. */
  const own = (parent: Json, key: string, from: string = key): Json | undefined => {
    const current = parent[key];
    if (isRecord(current) && copies.has(current)) return current;
    const resolved = resolveLocalRef(root, parent[from]);
    if (!isRecord(resolved)) return undefined;
    const copy = { ...resolved };
    copies.add(copy);
    parent[key] = copy;
    return copy;
  };

  for (const op of operations) {
    if (op.kind !== 'http' || !op.method || !op.path) continue;
    const byStatus = examplesByStatus(op.examples);
    if (byStatus.size === 0) continue;
    const paths = own(root, 'paths');
    const item = paths && own(paths, op.path);
    const operation = item && own(item, op.method.toLowerCase());
    const responses = operation && own(operation, 'responses');
    if (!operation || !responses) continue;
    for (const [status, examples] of byStatus) {
      const declared = declaredResponseKey(responses, status);
      const response = declared && own(responses, status, declared);
      if (!response) continue;
      if ('swagger' in root) addSwagger2Examples(response, examples, producesOf(root, operation));
      else addOpenApi3Examples(response, examples, own);
    }
  }
  return root;
}

/** The examples of an operation by status, each status's default first: `<status>.json` if there is one, else the first. */
export function examplesByStatus(examples: readonly Example[]): Map<string, Example[]> {
  const byStatus = new Map<string, Example[]>();
  for (const example of examples) {
    if (!example.status) continue;
    byStatus.set(example.status, [...(byStatus.get(example.status) ?? []), example]);
  }
  for (const [status, group] of byStatus) {
    byStatus.set(status, [...group.filter((e) => e.label === status), ...group.filter((e) => e.label !== status)]);
  }
  return byStatus;
}

/** The response body of an example, undefined when it has none. */
export function bodyOf(example: Example): unknown {
  return isRecord(example.response) ? example.response['body'] : undefined;
}

/** The response headers of an example, as strings. */
export function headersOf(example: Example): Record<string, string> {
  const headers = isRecord(example.response) ? example.response['headers'] : undefined;
  if (!isRecord(headers)) return {};
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined || value === null ? [] : [[name, String(value)]])));
}

/** The response key that covers a status: the status itself, its range (4XX), or default. */
function declaredResponseKey(responses: Json, status: string): string | undefined {
  if (status in responses) return status;
  const range = Object.keys(responses).find((key) => /^[1-5]XX$/i.test(key) && key[0] === status[0]);
  return range ?? ('default' in responses ? 'default' : undefined);
}

type Own = (parent: Json, key: string) => Json | undefined;

function addOpenApi3Examples(response: Json, examples: readonly Example[], own: Own): void {
  if (!isRecord(response['content'])) return;
  const content = own(response, 'content')!;
  for (const mediaType of Object.keys(content)) {
    const fitting = examples.filter((e) => fits(mediaType, bodyOf(e)));
    if (fitting.length === 0) continue;
    const media = own(content, mediaType);
    if (!media) continue;
    const merged: Json = Object.fromEntries(fitting.map((e) => [e.label, { ...(e.summary ? { summary: e.summary } : {}), value: bodyOf(e) }]));
    if (isRecord(media['examples'])) {
      for (const [key, value] of Object.entries(media['examples'])) if (!(key in merged)) merged[key] = value;
    }
    if ('example' in media) {
      if (!('example' in merged)) merged['example'] = { value: media['example'] };
      delete media['example'];
    }
    media['examples'] = merged;
  }
}

function addSwagger2Examples(response: Json, examples: readonly Example[], produces: readonly string[]): void {
  // A Swagger 2.0 response without a schema has no body.
  if (!('schema' in response) && !isRecord(response['examples'])) return;
  const merged: Json = {};
  for (const mediaType of produces) {
    const first = examples.find((e) => fits(mediaType, bodyOf(e)));
    if (first) merged[mediaType] = bodyOf(first);
  }
  for (const example of examples) {
    const body = bodyOf(example);
    if (produces.some((mediaType) => fits(mediaType, body))) merged[example.label] = body;
  }
  if (Object.keys(merged).length === 0) return;
  const written = isRecord(response['examples']) ? response['examples'] : {};
  for (const [key, value] of Object.entries(written)) {
    if (!(key in merged)) merged[key] = value;
    else if (!('example' in merged)) merged['example'] = value;
  }
  response['examples'] = merged;
}

function producesOf(root: Json, operation: Json): string[] {
  const produces = operation['produces'] ?? root['produces'];
  return Array.isArray(produces) && produces.length > 0 ? produces.map(String) : ['application/json'];
}

/** Whether a body can be served as this media type: JSON values as JSON, strings as anything. */
function fits(mediaType: string, body: unknown): boolean {
  if (body === undefined) return false;
  if (typeof body === 'string') return true;
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === '*/*' || type === 'application/*' || type.endsWith('/json') || type.endsWith('+json');
}
