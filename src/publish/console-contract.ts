import { isRecord } from '../catalog/is-record.ts';
import type { Api, Example, Operation } from '../catalog/model.ts';
import { enrichContract, examplesByStatus } from '../mock/enrich-contract.ts';
import { resolveLocalRef } from '../mock/local-ref.ts';
import { sanitiseContract } from './safe-contract.ts';

type Json = Record<string, unknown>;

/**
 * The contract handed to the try-it console: the audience's contract with the catalogue's own
 * examples in it, so the console shows them rather than values made up from the schemas. Each
 * response gets its OK and KO examples (as the mock serves them, enrich-contract.ts), each request
 * body the bodies of the examples' requests, and each operation an optional `Prefer` header whose
 * examples pick one of them on the mock. Sanitised as the downloads are.
 */
export function consoleContract(api: Api): unknown {
  const enriched = enrichContract(api.contract.document, api.contract.operations);
  if (!isRecord(enriched) || !isRecord(enriched['paths'])) return sanitiseContract(enriched);
  // enrichContract gives a new root; the path items and operations changed here are copied once, never changed in place.
  const paths: Json = { ...enriched['paths'] };
  const root: Json = { ...enriched, paths };
  const items = new Map<string, Json>();
  const swagger = 'swagger' in root;
  for (const op of api.contract.operations) {
    if (op.kind !== 'http' || !op.method || !op.path) continue;
    let item = items.get(op.path);
    if (!item) {
      const found = resolveLocalRef(root, paths[op.path]);
      if (!isRecord(found)) continue;
      item = { ...found };
      items.set(op.path, item);
      paths[op.path] = item;
    }
    const method = op.method.toLowerCase();
    if (!isRecord(item[method])) continue;
    const operation: Json = { ...item[method] };
    item[method] = operation;
    if (!swagger) addRequestExamples(root, operation, op.examples);
    addPreferHeader(operation, op, swagger);
  }
  return sanitiseContract(root);
}

/** Each example's request body among the request body's examples, OK ones first, named by their label. */
function addRequestExamples(root: Json, operation: Json, examples: readonly Example[]): void {
  const withBody = [...examples].sort((a, b) => Number(b.ok) - Number(a.ok)).filter((e) => requestBodyOf(e) !== undefined);
  if (withBody.length === 0) return;
  // A shared request body ($ref) is copied into the operation: its examples are this operation's.
  const body = resolveLocalRef(root, operation['requestBody']);
  if (!isRecord(body) || !isRecord(body['content'])) return;
  const content: Json = {};
  for (const [mediaType, media] of Object.entries(body['content'])) {
    if (!isRecord(media) || !/[/+]json\b/i.test(mediaType)) {
      content[mediaType] = media;
      continue;
    }
    const own: Json = Object.fromEntries(withBody.map((e) => [e.label, { summary: describe(e), value: requestBodyOf(e) }]));
    const written = isRecord(media['examples']) ? media['examples'] : 'example' in media ? { example: { value: media['example'] } } : {};
    const { example: _single, ...rest } = media;
    content[mediaType] = { ...rest, examples: { ...own, ...Object.fromEntries(Object.entries(written).filter(([key]) => !(key in own))) } };
  }
  operation['requestBody'] = { ...body, content };
}

/**
 * An optional `Prefer` header, for the mock server, its description listing the values that pick
 * each of the operation's examples (`code=404, example=unknown-customer`). They are not given as
 * the parameter's examples: the console would fill the first in, and send it to real servers too.
 */
function addPreferHeader(operation: Json, op: Operation, swagger: boolean): void {
  const parameters = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  if (parameters.some((p) => isRecord(p) && String(p['name']).toLowerCase() === 'prefer' && p['in'] === 'header')) return;
  const examples = [...examplesByStatus(op.examples).values()].flat().filter((e) => /^\d{3}$/.test(e.status ?? ''));
  const values = examples.map((e) => `- \`${preferFor(e)}\` — ${describe(e)}`);
  const description = [
    'Mock server only, it picks the example the mock answers with; real servers ignore it.',
    ...(values.length > 0 ? ['', ...values] : []),
  ].join('\n');
  const header: Json = { name: 'Prefer', in: 'header', required: false, description, ...(swagger ? { type: 'string' } : { schema: { type: 'string' } }) };
  operation['parameters'] = [...parameters, header];
}

/** The Prefer value that picks an example: its status, and its label unless the label is the status (`404.json`). */
function preferFor(example: Example): string {
  return example.label === example.status ? `code=${example.status}` : `code=${example.status}, example=${example.label}`;
}

/** "404 KO — Unknown customer". No colon: text without one needs no Markdown parse to be sanitised (safe-markdown.ts). */
function describe(example: Example): string {
  const kind = example.ok ? 'OK' : 'KO';
  return `${example.status ?? ''} ${kind} — ${example.summary ?? example.label}`.trim();
}

function requestBodyOf(example: Example): unknown {
  return isRecord(example.request) ? example.request['body'] : undefined;
}
