import type { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { Api } from '../catalog/model.ts';
import { bodyOf, examplesByStatus, headersOf } from './enrich-contract.ts';

/** One operation as Prism reads it from a contract. */
export type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/** The key http-spec gives the example it takes from a media type's `example` or from its schema. */
const schemaExampleKey = 'default';

/**
 * Puts the example http-spec takes from a response schema (its `example`, or `examples[0]`) after
 * the explicit ones. Prism answers with a media type's first example, and http-spec puts the schema's
 * first, so without this a component schema with an `example` would hide the catalogue's examples.
 */
export function putSchemaExamplesLast(operations: readonly PrismOperation[]): void {
  for (const content of operations.flatMap((op) => op.responses.flatMap((r) => r.contents ?? []))) {
    const examples = content.examples ?? [];
    const fromSchema = examples.filter((e) => e.key === schemaExampleKey);
    if (fromSchema.length === 0 || fromSchema.length === examples.length) continue;
    content.examples = [...examples.filter((e) => e.key !== schemaExampleKey), ...fromSchema];
  }
}

/**
 * The response headers of each catalogue example, keyed by the example value Prism answers with.
 * Prism returns that very object as the body, so the headers of the example it chose can be added
 * to its answer (examples with an object or array body only).
 */
export function indexExampleHeaders(operations: readonly PrismOperation[], api: Api): WeakMap<object, Record<string, string>> {
  const index = new WeakMap<object, Record<string, string>>();
  for (const op of operations) {
    const modelled = api.contract.operations.find((o) => o.operationId !== undefined && o.operationId === op.iid);
    if (!modelled) continue;
    const byStatus = examplesByStatus(modelled.examples);
    for (const response of op.responses) {
      const examples = byStatus.get(response.code) ?? [];
      for (const content of response.contents ?? []) {
        for (const example of content.examples ?? []) {
          // Swagger 2.0 keeps the status's default example under its media type.
          const source =
            examples.find((e) => e.label === example.key) ?? (example.key === content.mediaType ? examples.find((e) => bodyOf(e) !== undefined) : undefined);
          const value = 'value' in example ? example.value : undefined;
          if (source && typeof value === 'object' && value !== null) index.set(value, headersOf(source));
        }
      }
    }
  }
  return index;
}

/** The status of each example label of an API, when only one status uses it (`Prefer: example=<label>` then needs no code). */
export function statusByLabel(api: Api): Map<string, number> {
  const statuses = new Map<string, Set<string>>();
  for (const example of api.contract.operations.flatMap((op) => op.examples)) {
    if (example.status) statuses.set(example.label, (statuses.get(example.label) ?? new Set()).add(example.status));
  }
  const unique = new Map<string, number>();
  for (const [label, set] of statuses) {
    const [status] = [...set];
    if (set.size === 1 && /^\d{3}$/.test(status!)) unique.set(label, Number(status));
  }
  return unique;
}
