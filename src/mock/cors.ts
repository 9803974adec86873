import type { IncomingHttpHeaders } from 'node:http';

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Response headers a browser script may read without being told (CORS-safelisted). */
const safelisted = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

/** Whether an Origin is a web app on this machine: http(s)://localhost, 127.0.0.1 or [::1], on any port. */
export function isLocalOrigin(origin: string | undefined): origin is string {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && localHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/** Whether a request is a CORS preflight. */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && typeof headers.origin === 'string' && typeof headers['access-control-request-method'] === 'string';
}

/** The headers that answer a preflight from a local origin: any method, the headers it asks for, credentials allowed. */
export function preflightHeaders(origin: string, headers: IncomingHttpHeaders): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    // "*" would not cover Authorization, so the asked-for headers are echoed.
    'access-control-allow-headers': headers['access-control-request-headers'] ?? 'authorization, content-type, prefer',
    'access-control-allow-credentials': 'true',
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}

/** The headers that let a local origin read an answer, every header of the answer included. */
export function responseCorsHeaders(origin: string, answerHeaders: Record<string, string>): Record<string, string> {
  const exposed = Object.keys(answerHeaders).filter((name) => !safelisted.has(name));
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    ...(exposed.length > 0 ? { 'access-control-expose-headers': exposed.join(', ') } : {}),
    vary: 'Origin',
  };
}
