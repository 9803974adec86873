import type { MockData, MockExample } from './mock-data.ts';

/** What the mock sends back. */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Prism's conventions: `Prefer: code=404`, `Prefer: example=<label>`, or both, comma-separated. */
export function parsePrefer(header: string | null): { code?: number; example?: string } {
  const prefer: { code?: number; example?: string } = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === 'code' && value && /^\d{3}$/.test(value)) prefer.code = Number(value);
    if (key === 'example' && value) prefer.example = value.replace(/^"|"$/g, '');
  }
  return prefer;
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
 * example; a problem+json 404 when no operation matches, and when the asked example does not exist.
 */
export function answer(data: MockData, method: string, path: string, preferHeader: string | null): MockAnswer {
  const op = matchOperation(data, method, path);
  if (!op) {
    const sameMethod = data.operations.filter((o) => o.method === method.toUpperCase()).map((o) => o.path);
    return problem(
      404,
      'No such operation',
      `${data.api} has no operation ${method.toUpperCase()} ${path}.${sameMethod.length > 0 ? ` Its ${method.toUpperCase()} operations: ${sameMethod.join(', ')}.` : ''}`,
    );
  }
  const prefer = parsePrefer(preferHeader);
  const candidates = op.examples.filter(
    (e) => (prefer.code === undefined || e.status === prefer.code) && (prefer.example === undefined || e.label === prefer.example),
  );
  const chosen: MockExample | undefined = candidates[0];
  if (!chosen) {
    const offered = op.examples.map((e) => (e.label === String(e.status) ? String(e.status) : `${e.status} (${e.label})`)).join(', ');
    return problem(404, 'No such example', `${op.method} ${op.path} has no example for ${preferHeader}. Its examples: ${offered || 'none'}.`);
  }
  const headers = { ...chosen.headers };
  if (chosen.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return { status: chosen.status, headers, ...(chosen.body !== undefined ? { body: chosen.body } : {}) };
}
