import type { AsyncAPIDocumentInterface, SchemaInterface } from '@asyncapi/parser';
import type { ValidateFunction } from 'ajv';
import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { Contract, Example } from '../model.ts';
import type { PathSegment, SourceDocument } from '../read-yaml.ts';
import { exampleOrigins, type ExampleOrigin } from './origins.ts';
import { refSegments, toPointer, walk } from './json-pointer.ts';
import { describeError, firstErrors, instanceSegments } from './validation-errors.ts';
import { documentValidators, valueValidator } from './schema-validators.ts';

/** Schema formats whose payloads are JSON Schema (AsyncAPI's own is a superset of draft-07). */
const jsonSchemaFormat = /^application\/(vnd\.aai\.asyncapi|schema)(\+json|\+yaml|;|$)/;

type Part = 'payload' | 'headers';

/**
 * Where an example written in the contract is, at `pointer` as the parser names it: the pointer
 * crosses `$ref`s (a channel's message is often one), so it is walked in the document as written.
 * An example a message trait brought has no place of its own: its message's is given.
 */
export function contractExampleOrigin(doc: SourceDocument, pointer: string): ExampleOrigin {
  const segments = refSegments(`#${pointer}`) ?? [];
  const at = indexed(doc.value, walk(doc.value, segments)?.segments ?? walk(doc.value, segments.slice(0, -2))?.segments ?? []);
  return { doc, inContract: true, payload: [...at, 'payload'], headers: [...at, 'headers'] };
}

/** A pointer's segments name array items by strings ("0"); the YAML positions want numbers. */
function indexed(root: unknown, segments: readonly PathSegment[]): PathSegment[] {
  let value = root;
  return segments.map((segment) => {
    const item = Array.isArray(value) ? Number(segment) : segment;
    value = value && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[item] : undefined;
    return item;
  });
}

/**
 * Validates the examples of an AsyncAPI contract's messages, written in the contract or in
 * example files, against their payload and headers schemas. A schema is compiled only when an
 * example needs it, once per contract.
 */
export function checkAsyncApiExamples(contract: Omit<Contract, 'file'>, document: AsyncAPIDocumentInterface, doc: SourceDocument): Diagnostic[] {
  const messages = new Map(document.allMessages().all().map((message) => [message.id(), message] as const));
  const schemas = schemaValidators(doc);
  const diagnostics: Diagnostic[] = [];
  const checked = new Set<string>();
  try {
    for (const message of contract.operations.flatMap((op) => op.messages)) {
      const parsed = messages.get(message.id);
      if (!parsed || !jsonSchemaFormat.test(parsed.schemaFormat() ?? 'application/schema+json')) continue;
      for (const example of message.examples) {
        const origin = exampleOrigins.get(example);
        if (!origin) continue;
        for (const [part, schema] of [['payload', parsed.payload()], ['headers', parsed.headers()]] as const) {
          const at = origin[part];
          const value = example[part];
          // A message shared by two operations holds the same example twice: it is checked once.
          const key = `${origin.doc.file}#${toPointer(at ?? [])}`;
          if (!at || value === undefined || !schema || checked.has(key)) continue;
          checked.add(key);
          const validate = schemas.for(schema);
          if (!validate || validate(value)) continue;
          diagnostics.push(...describe(validate, message.id, example, part, origin, at));
        }
      }
    }
  } finally {
    schemas.release();
  }
  return diagnostics;
}

function describe(validate: ValidateFunction, messageId: string, example: Example, part: Part, origin: ExampleOrigin, at: PathSegment[]): Diagnostic[] {
  const whole = part === 'payload' ? '(the whole payload)' : '(the whole headers)';
  return firstErrors(validate.errors ?? []).map((error) =>
    diagnose(
      'example/invalid',
      origin.doc.file,
      origin.doc.locate([...at, ...instanceSegments(error)]),
      `the ${messageId} example "${example.label}" does not match the message ${part}: ${error.instancePath || whole} ${describeError(error)}`,
      // As for OpenAPI: an example file is the catalogue's own, an error; one written in the contract may come from upstream, a warning.
      { hint: `The rule is "${error.keyword}" of the ${part} schema of message ${messageId}. Fix the example, or the schema if the example is right.`, severity: origin.inContract ? 'warning' : 'error' },
    ),
  );
}

/**
 * Validators of a contract's schemas, compiled on first use from the document as written: its
 * `$ref`s stay references, so a schema shared by several messages compiles once, and a recursive
 * one ends. The parser's dereferenced copy serves when the written one cannot be compiled (a
 * `$ref` to another file), unless it is a cycle of objects, which Ajv would follow until memory runs out.
 */
function schemaValidators(doc: SourceDocument): { for(schema: SchemaInterface): ValidateFunction | undefined; release(): void } {
  const compiled = new Map<unknown, ValidateFunction | undefined>();
  let written: ReturnType<typeof documentValidators> | undefined;
  const compile = (schema: SchemaInterface): ValidateFunction | undefined => {
    const at = walk(doc.value, refSegments(`#${schema.meta('pointer')}`) ?? [])?.segments;
    // The document's own `id` (an application URN) is no schema id: Ajv refuses the keyword.
    written ??= documentValidators(withoutId(doc.value), 'draft-07');
    const json = schema.json();
    return (at && written.at(toPointer(at))) || (isCyclic(json) ? undefined : valueValidator(json, 'draft-07'));
  };
  return {
    for(schema) {
      const json = schema.json();
      if (!compiled.has(json)) compiled.set(json, compile(schema));
      return compiled.get(json);
    },
    release: () => written?.release(),
  };
}

function withoutId(document: unknown): object {
  const { id: _applicationId, ...rest } = document as Record<string, unknown>;
  return rest;
}

/** Whether an object graph refers back to one of its own ancestors (shared parts are explored once). */
export function isCyclic(value: unknown, ancestors = new Set<object>(), explored = new Set<object>()): boolean {
  if (!value || typeof value !== 'object' || explored.has(value)) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  for (const child of Object.values(value)) if (isCyclic(child, ancestors, explored)) return true;
  ancestors.delete(value);
  explored.add(value);
  return false;
}
