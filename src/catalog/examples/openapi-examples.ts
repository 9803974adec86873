import { sample } from 'openapi-sampler';
import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { Contract, Example, Operation } from '../model.ts';
import type { PathSegment, SourceDocument } from '../read-yaml.ts';
import { exampleOrigins, type ExampleOrigin } from './origins.ts';
import { toPointer, walk } from './json-pointer.ts';
import { dialectOf, documentValidators } from './schema-validators.ts';
import { describeError, firstErrors, instanceSegments } from './validation-errors.ts';

type Json = Record<string, unknown>;
type Validators = ReturnType<typeof documentValidators>;

/** Contracts larger than this are not positioned just to give their examples a line number. */
const locateContractExamplesBelow = 1_000_000;

/**
 * The example stage of an OpenAPI contract, run after the example files are attached:
 * adds the examples written in the contract, validates every example against its schema,
 * generates an OK example where there is none (when building), and warns of operations with no KO example.
 */
export function checkOpenApiExamples(contract: Omit<Contract, 'file'>, document: object, doc: SourceDocument, options: { generate: boolean }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const validators = documentValidators(document, dialectOf('openapi', contract.specVersion));
  const swagger2 = contract.specVersion.startsWith('2');
  try {
    for (const op of contract.operations) {
      if (op.kind !== 'http' || !op.path || !op.method) continue;
      const at = ['paths', op.path, op.method.toLowerCase()];
      op.examples.unshift(...contractExamples(document, at, op, doc, swagger2));
      for (const example of op.examples) diagnostics.push(...validateExample(example, op, at, document, validators, swagger2));
      // Generated examples are for the pages and mocks; `check` has no use for them.
      if (options.generate && !op.examples.some((e) => e.ok)) {
        const generated = generateOkExample(document, at, op, swagger2);
        if (generated) op.examples.push(generated);
      }
      fillParameters(op.examples, parameterExamples(document, at));
      if (!op.examples.some((e) => !e.ok)) {
        diagnostics.push(
          diagnose('example/no-ko-example', doc.file, positionOf(doc, at), `${op.operationId ?? `${op.method} ${op.path}`} has no KO example`, {
            severity: 'warning',
            hint: `Add examples/${op.operationId ?? '<operationId>'}/<4xx or 5xx status>.<label>.json showing how the operation fails, so consumers can code against it.`,
          }),
        );
      }
    }
  } finally {
    validators.release();
  }
  return diagnostics;
}

type Located = { in: 'path' | 'query'; value: unknown };

/** The example value of each path parameter and required query parameter: `example`, the first of `examples`, or the schema's. */
function parameterExamples(document: object, at: PathSegment[]): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const owner of [at.slice(0, -1), at]) {
    const parameters = (walk(document, [...owner, 'parameters'])?.value ?? []) as unknown[];
    for (let i = 0; i < parameters.length; i++) {
      const parameter = walk(document, [...owner, 'parameters', i])?.value as Json | undefined;
      if (!parameter || typeof parameter['name'] !== 'string') continue;
      const where = parameter['in'];
      if (where !== 'path' && !(where === 'query' && parameter['required'] === true)) continue;
      const schema = (parameter['schema'] ?? parameter) as Json;
      const named = Object.values((parameter['examples'] ?? {}) as Record<string, Json>)[0];
      const value = parameter['example'] ?? named?.['value'] ?? schema['example'] ?? (schema['examples'] as unknown[] | undefined)?.[0] ?? (schema['enum'] as unknown[] | undefined)?.[0];
      if (value !== undefined) found.set(parameter['name'], { in: where, value });
    }
  }
  return found;
}

/**
 * Gives each example the parameter values it lacks, so its request (curl, fetch, mock) can be sent
 * as shown: path parameters always, required query parameters to OK examples only (a KO example may
 * leave one out on purpose).
 */
function fillParameters(examples: Example[], values: Map<string, Located>): void {
  if (values.size === 0) return;
  for (const example of examples) {
    const request = { ...((example.request ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> }) };
    for (const [name, { in: where, value }] of values) {
      if (where === 'query' && !example.ok) continue;
      const key = where === 'path' ? 'params' : 'query';
      if (request[key]?.[name] === undefined) request[key] = { ...request[key], [name]: value };
    }
    example.request = request;
  }
}

/** The statuses a response key covers: an exact status, a range ("4XX") or "default". */
export function responseKeyFor(responses: Json, status: string): string | undefined {
  if (status in responses) return status;
  const range = `${status[0]}XX`;
  const ranged = Object.keys(responses).find((k) => k.toUpperCase() === range);
  return ranged ?? ('default' in responses ? 'default' : undefined);
}

/** The JSON media type of a content map when there is one, else its first. */
export function preferredMediaType(content: Json | undefined): string | undefined {
  const types = Object.keys(content ?? {});
  return types.find((t) => /[/+]json\b/i.test(t)) ?? types[0];
}

function contractExamples(document: object, at: PathSegment[], op: Operation, doc: SourceDocument, swagger2: boolean): Example[] {
  const examples: Example[] = [];
  const responses = (walk(document, [...at, 'responses'])?.value ?? {}) as Json;
  for (const status of Object.keys(responses)) {
    if (!/^\d{3}$/.test(status)) continue;
    for (const found of examplesIn(document, [...at, 'responses', status], swagger2)) {
      examples.push(withOrigin({ status, label: found.label, ok: /^[23]/.test(status), response: { body: found.value }, source: sourceOf(doc, found.segments) }, doc, { response: found.segments }));
    }
  }
  // Request examples join the OK example of the same name, else the first OK example without a request.
  const requests = swagger2 ? [] : examplesIn(document, [...at, 'requestBody'], false);
  for (const request of requests) {
    const ok = examples.filter((e) => e.ok);
    const target = ok.find((e) => e.label === request.label) ?? ok.find((e) => e.request === undefined);
    if (target) {
      target.request = { body: request.value };
      exampleOrigins.get(target)!.request = request.segments;
    } else {
      const status = op.responses.find((r) => /^[23]/.test(r.status))?.status;
      if (status) examples.push(withOrigin({ status, label: request.label, ok: true, request: { body: request.value }, source: sourceOf(doc, request.segments) }, doc, { request: request.segments }));
    }
  }
  return examples;
}

/** The examples of a response or request body: OpenAPI 3 `example` / `examples` of its JSON media type, Swagger 2 `examples`. */
function examplesIn(document: object, at: PathSegment[], swagger2: boolean): { label: string; value: unknown; segments: PathSegment[] }[] {
  const owner = walk(document, at);
  if (!owner || !owner.value || typeof owner.value !== 'object') return [];
  const value = owner.value as Json;
  if (swagger2) {
    const examples = (value['examples'] ?? {}) as Json;
    const mediaType = preferredMediaType(examples);
    return mediaType ? [{ label: `example`, value: examples[mediaType], segments: [...owner.segments, 'examples', mediaType] }] : [];
  }
  const mediaType = preferredMediaType(value['content'] as Json | undefined);
  if (!mediaType) return [];
  const media = walk(document, [...owner.segments, 'content', mediaType]);
  if (!media) return [];
  const mediaValue = media.value as Json;
  if (mediaValue['example'] !== undefined) return [{ label: 'example', value: mediaValue['example'], segments: [...media.segments, 'example'] }];
  return Object.keys((mediaValue['examples'] ?? {}) as Json).flatMap((name) => {
    const example = walk(document, [...media.segments, 'examples', name]);
    const body = example?.value as Json | undefined;
    if (!example || !body || body['value'] === undefined) return []; // externalValue: not fetched
    return [{ label: name, value: body['value'], segments: [...example.segments, 'value'] }];
  });
}

function validateExample(example: Example, op: Operation, at: PathSegment[], document: object, validators: Validators, swagger2: boolean): Diagnostic[] {
  const origin = exampleOrigins.get(example);
  if (!origin || example.generated) return [];
  const diagnostics: Diagnostic[] = [];
  const name = `${op.operationId ?? `${op.method} ${op.path}`} ${example.status ?? ''}${example.label === example.status ? '' : ` "${example.label}"`}`;
  const response = example.response as { body?: unknown } | undefined;
  if (origin.response && response && 'body' in response && example.status) {
    const responses = (walk(document, [...at, 'responses'])?.value ?? {}) as Json;
    const key = responseKeyFor(responses, example.status);
    const schema = key === undefined ? undefined : swagger2 ? walk(document, [...at, 'responses', key, 'schema']) : jsonSchemaAt(document, [...at, 'responses', key]);
    if (schema) diagnostics.push(...check(validators, schema.segments, response.body, origin, origin.response, `the ${name} example's response body`));
  }
  // A KO example's request is often wrong on purpose (that is why it fails), so only OK requests must match.
  const request = example.request as { body?: unknown } | undefined;
  if (example.ok && origin.request && request && 'body' in request) {
    const schema = swagger2 ? swagger2BodySchema(document, at) : jsonSchemaAt(document, [...at, 'requestBody']);
    if (schema) diagnostics.push(...check(validators, schema.segments, request.body, origin, origin.request, `the ${name} example's request body`));
  }
  return diagnostics;
}

function jsonSchemaAt(document: object, owner: PathSegment[]): { segments: PathSegment[]; value: unknown } | undefined {
  const found = walk(document, owner);
  const mediaType = preferredMediaType((found?.value as Json | undefined)?.['content'] as Json | undefined);
  return found && mediaType ? walk(document, [...found.segments, 'content', mediaType, 'schema']) : undefined;
}

function swagger2BodySchema(document: object, at: PathSegment[]): { segments: PathSegment[]; value: unknown } | undefined {
  for (const owner of [at, at.slice(0, -1)]) {
    const parameters = (walk(document, [...owner, 'parameters'])?.value ?? []) as unknown[];
    for (let i = 0; i < parameters.length; i++) {
      const parameter = walk(document, [...owner, 'parameters', i]);
      if ((parameter?.value as Json | undefined)?.['in'] === 'body') return walk(document, [...parameter!.segments, 'schema']);
    }
  }
  return undefined;
}

function check(validators: Validators, schemaAt: PathSegment[], value: unknown, origin: ExampleOrigin, valueAt: PathSegment[], what: string): Diagnostic[] {
  const validate = validators.at(toPointer(schemaAt));
  if (!validate || validate(value)) return [];
  return firstErrors(validate.errors ?? []).map((error) => {
    const within = instanceSegments(error);
    const field = error.instancePath || '(the whole body)';
    // An example file is the catalogue's own: an error. One written in the contract may come from
    // upstream (GitHub's has hundreds that miss required properties): a warning, so the API still builds.
    const at = [...valueAt, ...within];
    // Positioning a multi-megabyte contract costs seconds: there the pointer says where.
    const unpositioned = origin.inContract && origin.doc.text.length >= locateContractExamplesBelow;
    const where = unpositioned ? ` (at ${toPointer(at)})` : '';
    return diagnose('example/invalid', origin.doc.file, unpositioned ? { line: 1, column: 1 } : origin.doc.locate(at), `${what} does not match its schema: ${field} ${describeError(error)}${where}`, {
      hint: `The rule is "${error.keyword}" of the schema at ${toPointer(schemaAt)} in the contract, or of a schema it refers to. Fix the example, or the schema if the example is right.`,
      severity: origin.inContract ? 'warning' : 'error',
    });
  });
}

function generateOkExample(document: object, at: PathSegment[], op: Operation, swagger2: boolean): Example | undefined {
  const status = op.responses.find((r) => /^2/.test(r.status))?.status;
  if (!status) return undefined;
  const schema = swagger2 ? walk(document, [...at, 'responses', status, 'schema']) : jsonSchemaAt(document, [...at, 'responses', status]);
  let body: unknown;
  try {
    body = schema ? sample(schema.value as never, { skipReadOnly: false, skipWriteOnly: true, quiet: true }, document as never) : undefined;
  } catch {
    body = undefined;
  }
  return { status, label: 'generated', ok: true, generated: true, ...(body === undefined ? {} : { response: { body } }), source: { file: op.source.file } };
}

function withOrigin(example: Example, doc: SourceDocument, origin: Omit<ExampleOrigin, 'doc' | 'inContract'>): Example {
  exampleOrigins.set(example, { doc, inContract: true, ...origin });
  return example;
}

function sourceOf(doc: SourceDocument, segments: PathSegment[]): Example['source'] {
  return doc.text.length < locateContractExamplesBelow ? { file: doc.file, line: doc.locate(segments).line } : { file: doc.file };
}

function positionOf(doc: SourceDocument, segments: PathSegment[]) {
  return doc.text.length < locateContractExamplesBelow ? doc.locate(segments, 'key') : { line: 1, column: 1 };
}
