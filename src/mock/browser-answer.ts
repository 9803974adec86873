import type { MockData, MockExample } from './browser-data.ts';
import { readPreferences, type Preferences } from './prefer.ts';

/** What the mock sends back. */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const problem = (status: number, title: string, detail: string): MockAnswer => ({
  status,
  headers: { 'Content-Type': 'application/problem+json' },
  body: { type: 'about:blank', title, status, detail },
});

/** The operation of `data` whose method and path template match the request, with its path parameters. */
export function matchOperation(data: MockData, method: string, path: string): MockData['operations'][number] | undefined {
  return data.operations.find((op) => op.method === method.toUpperCase() && templateMatches(op.path, path));
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`).test(path);
}

/**
 * The answer to a request on the mock: the example the Prefer header asks for, else the first OK
 * example; a problem+json 404 when no operation matches, and when the asked example does not exist;
 * a 400 when a preference has a wrong value. `Prefer` is read as the mock server reads it (prefer.ts),
 * Prism's query fallbacks (`?__code=404`) included.
 */
export function answer(data: MockData, method: string, path: string, preferHeader: string | null, query = new URLSearchParams()): MockAnswer {
  const op = matchOperation(data, method, path);
  if (!op) {
    const sameMethod = data.operations.filter((o) => o.method === method.toUpperCase()).map((o) => o.path);
    return problem(
      404,
      'No such operation',
      `${data.api} has no operation ${method.toUpperCase()} ${path}.${sameMethod.length > 0 ? ` Its ${method.toUpperCase()} operations: ${sameMethod.join(', ')}.` : ''}`,
    );
  }
  let prefer: Preferences;
  try {
    prefer = readPreferences(preferHeader ?? undefined, query);
  } catch (error) {
    return problem(400, 'Invalid Prefer header', (error as Error).message);
  }
  const candidates = op.examples.filter(
    (e) => (prefer.code === undefined || e.status === prefer.code) && (prefer.example === undefined || e.label === prefer.example),
  );
  const chosen: MockExample | undefined = candidates[0];
  if (!chosen) {
    const offered = op.examples.map((e) => (e.label === String(e.status) ? String(e.status) : `${e.status} (${e.label})`)).join(', ');
    return problem(404, 'No such example', `${op.method} ${op.path} has no example for ${describePreferences(prefer)}. Its examples: ${offered || 'none'}.`);
  }
  const headers = { ...chosen.headers };
  if (chosen.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return { status: chosen.status, headers, ...(chosen.body !== undefined ? { body: chosen.body } : {}) };
}

function describePreferences(prefer: Preferences): string {
  return [prefer.code === undefined ? '' : `code=${prefer.code}`, prefer.example ? `example=${prefer.example}` : ''].filter(Boolean).join(', ');
}
