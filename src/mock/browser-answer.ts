import type { MockAnswer, MockData, MockExample } from './browser-data.ts';
import { readPreferences, type Preferences } from './prefer.ts';
import { hasCredentials, invalidPreference, matchOperation, noOperation, noSuchExample, unauthorized } from './problems.ts';

export type { MockAnswer } from './browser-data.ts';

/**
 * The in-browser mock's answer to a request: as `portolan mock` answers it (problems.ts decides
 * both mocks' errors), without validating the request against the contract. In order: no such
 * operation (404 or 405), missing credentials (401), a Prefer header it cannot read (400), then
 * the example Prefer asks for (else the first OK one), or a 404 naming the examples there are.
 * `Prefer` is read as the mock server reads it (prefer.ts), Prism's query fallbacks (`?__code=404`) included.
 */
export function answer(data: MockData, method: string, path: string, headers: Headers, query = new URLSearchParams()): MockAnswer {
  const op = matchOperation(data, method, path);
  if (!op) return noOperation(data, method, path);
  if (!hasCredentials(op, headers, query)) return unauthorized(data, op);
  let prefer: Preferences;
  try {
    prefer = readPreferences(headers.get('prefer') ?? undefined, query);
  } catch (error) {
    return invalidPreference(data, (error as Error).message);
  }
  const chosen: MockExample | undefined = op.examples.find(
    (e) => (prefer.code === undefined || e.status === prefer.code) && (prefer.example === undefined || e.label === prefer.example),
  );
  if (!chosen) return noSuchExample(data, op, describePreferences(prefer));
  const answered = { ...chosen.headers };
  if (chosen.body !== undefined && !('content-type' in answered)) answered['content-type'] = 'application/json';
  return { status: chosen.status, headers: answered, ...(chosen.body !== undefined ? { body: chosen.body } : {}) };
}

/** What a Prefer header asked for, as the mocks word it: `code=404, example=unknown-customer`. */
export function describePreferences(prefer: Preferences): string {
  return [prefer.code === undefined ? '' : `code=${prefer.code}`, prefer.example ? `example=${prefer.example}` : ''].filter(Boolean).join(', ');
}
