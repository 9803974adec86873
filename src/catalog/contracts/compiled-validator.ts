import type { ErrorObject, ValidateFunction } from 'ajv';

/**
 * Validates with a schema validator compiled once per key (a spec version) and kept for
 * the life of the process: compiling costs tens of milliseconds, validating about one.
 */
export function createValidatorCache<K>(compile: (key: K) => ValidateFunction): (value: unknown, key: K) => ErrorObject[] {
  const compiled = new Map<K, ValidateFunction>();
  return (value, key) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = compile(key);
      compiled.set(key, validate);
    }
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}
