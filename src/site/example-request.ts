import type { Example, Operation } from '../catalog/model.ts';

/** The HTTP exchange an example shows, resolved against a server: what a snippet sends. */
export interface ExampleRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

type Parts = { params?: Record<string, unknown>; query?: Record<string, unknown>; headers?: Record<string, unknown>; body?: unknown };

/**
 * The request of an example: path parameters filled from the example (else from the
 * placeholder name), its query and headers, a bearer token when the operation is secured,
 * and its JSON body.
 */
export function exampleRequest(op: Operation, example: Example, serverUrl: string): ExampleRequest {
  const parts = (example.request ?? {}) as Parts;
  const path = (op.path ?? '/').replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(parts.params?.[name] ?? `{${name}}`)));
  const query = Object.entries(parts.query ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(String(v))}`),
  );
  const headers: [string, string][] = Object.entries(parts.headers ?? {}).map(([name, value]) => [name, String(value)]);
  if (op.security.length > 0 && !headers.some(([name]) => name.toLowerCase() === 'authorization')) headers.unshift(['Authorization', 'Bearer $TOKEN']);
  const hasBody = parts.body !== undefined;
  if (hasBody && !headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  return {
    method: op.method ?? 'GET',
    url: `${serverUrl.replace(/\/+$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    headers,
    ...(hasBody ? { body: JSON.stringify(parts.body, null, 2) } : {}),
  };
}

/** The request as the API page shows it: "METHOD URL", one header a line, a blank line, the body. */
export function requestText(request: ExampleRequest): string {
  return [
    `${request.method} ${request.url}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(request.body !== undefined ? ['', request.body] : []),
  ].join('\n');
}

/** Reads back what requestText wrote (the page's script builds the snippets from it). */
export function parseRequestText(text: string): ExampleRequest {
  const [head = '', ...rest] = text.split('\n');
  const blank = rest.indexOf('');
  const headerLines = blank === -1 ? rest : rest.slice(0, blank);
  const space = head.indexOf(' ');
  return {
    method: head.slice(0, space),
    url: head.slice(space + 1),
    headers: headerLines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    ...(blank === -1 ? {} : { body: rest.slice(blank + 1).join('\n') }),
  };
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command, one option a line; `$TOKEN` is left for the shell to expand. */
export function curlSnippet(request: ExampleRequest): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) {
    lines.push(value.includes('$TOKEN') ? `  -H "${name}: ${value.replace(/["\\`]/g, '\\$&')}"` : `  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) lines.push(`  --data ${shellQuote(request.body)}`);
  return lines.join(' \\\n');
}

/** The request as a JavaScript fetch call, the token read from a `token` variable. */
export function fetchSnippet(request: ExampleRequest): string {
  const headers = request.headers.map(([name, value]) =>
    value === 'Bearer $TOKEN' ? `    ${JSON.stringify(name)}: \`Bearer \${token}\`,` : `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`,
  );
  const options = [`  method: ${JSON.stringify(request.method)},`];
  if (headers.length > 0) options.push('  headers: {', ...headers, '  },');
  if (request.body !== undefined) options.push(`  body: JSON.stringify(${request.body.replace(/\n/g, '\n  ')}),`);
  return [`const response = await fetch(${JSON.stringify(request.url)}, {`, ...options, '});', 'const data = await response.json();'].join('\n');
}
