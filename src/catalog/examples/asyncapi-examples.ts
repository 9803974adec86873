import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { Contract, Example } from '../model.ts';
import { exampleOrigins } from './origins.ts';
import { describeError, firstErrors, instanceSegments } from './validation-errors.ts';
import { valueValidator } from './schema-validators.ts';

/** Schema formats whose payloads are JSON Schema (AsyncAPI's own is a superset of draft-07). */
const jsonSchemaFormat = /^application\/(vnd\.aai\.asyncapi|schema)(\+json|\+yaml|;|$)/;

/**
 * Validates the example files of an AsyncAPI contract's messages against their payload schema.
 * The examples written in the contract are left to the AsyncAPI parser, which checks them.
 */
export function checkAsyncApiExamples(contract: Omit<Contract, 'file'>, document: AsyncAPIDocumentInterface): Diagnostic[] {
  const payloads = new Map(
    document
      .allMessages()
      .all()
      .filter((message) => jsonSchemaFormat.test(message.schemaFormat() ?? 'application/schema+json'))
      .map((message) => [message.id(), message.payload()?.json()] as const),
  );
  const diagnostics: Diagnostic[] = [];
  const checked = new Set<Example>();
  for (const message of contract.operations.flatMap((op) => op.messages)) {
    const schema = payloads.get(message.id);
    // The parser hands schemas dereferenced: a recursive one is a cycle of objects, which Ajv would
    // follow until memory runs out. Such payloads keep the parser's own check of contract examples only.
    const validate = schema === undefined || isCyclic(schema) ? undefined : valueValidator(schema, 'draft-07');
    for (const example of message.examples) {
      const origin = exampleOrigins.get(example);
      if (!validate || !origin?.payload || origin.inContract || checked.has(example) || example.payload === undefined) continue;
      checked.add(example);
      if (validate(example.payload)) continue;
      for (const error of firstErrors(validate.errors ?? [])) {
        diagnostics.push(
          diagnose(
            'example/invalid',
            origin.doc.file,
            origin.doc.locate([...origin.payload, ...instanceSegments(error)]),
            `the ${message.id} example "${example.label}" does not match the message payload: ${error.instancePath || '(the whole payload)'} ${describeError(error)}`,
            { hint: `The rule is "${error.keyword}" of the payload schema of message ${message.id}. Fix the example, or the schema if the example is right.` },
          ),
        );
      }
    }
  }
  return diagnostics;
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
