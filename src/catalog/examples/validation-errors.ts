import type { ErrorObject } from 'ajv';

/** The path of the wrong value inside the validated one, as segments. */
export function instanceSegments(error: ErrorObject): string[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** One error per value, without the "must match a schema in anyOf" noise that follows each real one. */
export function firstErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (['anyOf', 'oneOf', 'if'].includes(e.keyword) && errors.length > 1) return false;
    const key = `${e.instancePath}|${e.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Ajv's message, said the way a reader of the example needs it. */
export function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `has the property "${String(params['additionalProperty'])}", which the schema does not allow`;
  if (error.keyword === 'enum') return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? error.keyword;
}

