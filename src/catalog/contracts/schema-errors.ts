import type { ErrorObject } from 'ajv';
import type { SourceDocument } from '../read-yaml.ts';

/**
 * Keeps the errors worth showing: the deepest ones, without the "must match a
 * schema in oneOf/anyOf" summaries that repeat what the deeper ones say.
 */
export function pickSchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const composite = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not', '$ref']);
  const meaningful = errors.filter((e) => !composite.has(e.keyword));
  const candidates = meaningful.length > 0 ? meaningful : [...errors];
  const deepest = candidates.filter(
    (e) => !candidates.some((other) => other !== e && other.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const seen = new Set<string>();
  return deepest.filter((e) => {
    const key = `${e.instancePath} ${e.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A sentence for one schema error. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the contract' : `"${decodePointer(error.instancePath).join('.')}"`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${where} has the unknown field "${String(params['additionalProperty'])}"`;
  if (error.keyword === 'required') return `${where} is missing the required field "${String(params['missingProperty'])}"`;
  if (error.keyword === 'enum') return `${where} ${error.message}: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** The segments of a JSON pointer. */
export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The source position of a schema error; an unknown field points at its key. */
export function locateSchemaError(error: ErrorObject, doc: SourceDocument) {
  const at = decodePointer(error.instancePath);
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  return error.keyword === 'additionalProperties' && extra ? doc.locate([...at, extra], 'key') : doc.locate(at);
}
