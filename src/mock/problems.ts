/**
 * What both mocks (`portolan mock` and the try-it page's in-browser mock) answer when they cannot
 * answer with an example: the error bodies, in the API's own error shape, and the credential check.
 * Browser-safe: no Node import.
 */
import type { MockAnswer, MockData, MockOperation } from './browser-data.ts';

/** How an API writes its errors (error-shape.ts reads it from the contract). */
export interface ErrorShape {
  /** The media type of its error responses. */
  mediaType: string;
  /** The member listing the request values that do not match the contract. */
  invalidParams: string;
  /** The member holding the explanation of this occurrence. */
  detail: string;
}

/** RFC 9457 Problem Details, for APIs that declare no error schema of their own. */
export const rfc9457: ErrorShape = { mediaType: 'application/problem+json', invalidParams: 'invalid-params', detail: 'detail' };

/** One request value that does not match the contract. */
export interface InvalidParam {
  name: string;
  in: string;
  reason: string;
}

/** A validation diagnostic as Prism reports it: `path` on a mocked answer, `location` in its own 422. */
export interface PrismValidation {
  path?: readonly string[];
  location?: readonly string[];
  code?: string | number;
  message?: string;
}

/** What a problem may carry besides its status and detail. */
export interface ProblemOptions {
  shape?: ErrorShape;
  invalidParams?: InvalidParam[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const phrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/** An error answer in the API's shape (RFC 9457 by default); `type` is about:blank, so `title` is the status's own phrase. */
export function problem(status: number, detail: string, options: ProblemOptions = {}): MockAnswer {
  const shape = options.shape ?? rfc9457;
  const body: Record<string, unknown> = { type: 'about:blank', title: phrases[status] ?? 'Error', status, [shape.detail]: detail, ...options.extensions };
  if (options.invalidParams) body[shape.invalidParams] = options.invalidParams;
  return { status, headers: { 'content-type': shape.mediaType, ...options.headers }, body };
}

/** A 400 for a Prefer header the mock cannot read. */
export function invalidPreference(data: MockData, message: string): MockAnswer {
  return problem(400, message, { shape: data.errors });
}

/**
 * The answer when no operation has this method and path: a 405 with `Allow` when the path is an
 * operation's with another method, a 404 otherwise, both listing the operations.
 */
export function noOperation(data: MockData, method: string, path: string): MockAnswer {
  const route = `${method.toUpperCase()} ${path}`;
  const operations = data.operations.map((op) => `${op.method} ${op.path}`);
  const allowed = data.operations.filter((op) => templateMatches(op.path, path)).map((op) => op.method);
  if (allowed.length === 0) return problem(404, `${data.api} has no operation at ${path}.`, { shape: data.errors, extensions: { operations } });
  return problem(405, `${route} is not an operation of ${data.api}; ${path} answers ${allowed.join(', ')}.`, {
    shape: data.errors,
    extensions: { operations },
    headers: { allow: allowed.join(', ') },
  });
}

/** The operation of `data` whose method and path template match the request. */
export function matchOperation(data: MockData, method: string, path: string): MockOperation | undefined {
  return data.operations.find((op) => op.method === method.toUpperCase() && templateMatches(op.path, path));
}

/**
 * Whether the request carries the credentials the operation asks for: every scheme of one of its
 * alternatives (an empty alternative, or none at all, asks for nothing). Like Prism, the mock
 * checks that they are there, not what they are: any token, key or password passes.
 */
export function hasCredentials(op: MockOperation, headers: Headers, query: URLSearchParams): boolean {
  if (op.security.length === 0) return true;
  const cookies = (headers.get('cookie') ?? '').split(';').map((part) => part.trim().split('=')[0]);
  return op.security.some((alternative) =>
    alternative.every((credential) => {
      if (credential.in === 'header') return carries(headers.get(credential.name), credential.challenge);
      if (credential.in === 'cookie') return cookies.includes(credential.name);
      return Boolean(query.get(credential.name));
    }),
  );
}

/**
 * The answer to a request without the credentials its operation asks for: the operation's own 401
 * example when it has one, else a 401 saying what to send, with the challenge of its schemes.
 */
export function unauthorized(data: MockData, op: MockOperation): MockAnswer {
  const example = op.examples.find((e) => e.status === 401);
  const challenge = [...new Set(op.security.flat().flatMap((credential) => (credential.challenge ? [credential.challenge] : [])))].join(', ');
  const headers: Record<string, string> = challenge ? { 'www-authenticate': challenge } : {};
  if (example) return { status: 401, headers: { ...lowercased(example.headers), ...headers }, ...(example.body !== undefined ? { body: example.body } : {}) };
  const ask = op.security[0]!.map((credential) =>
    credential.in === 'header' && credential.name.toLowerCase() === 'authorization'
      ? `"Authorization: ${credential.challenge ?? 'Bearer'} any-token"`
      : `the ${credential.in} ${credential.name}`,
  );
  return problem(401, `${op.method} ${op.path} requires credentials. The mock accepts any: send ${ask.join(' and ')}.`, { shape: data.errors, headers });
}

/** The answer when the operation has no example for what Prefer asks, listing those it has. */
export function noSuchExample(data: MockData, op: MockOperation, asked: string): MockAnswer {
  const offered = op.examples.map((e) => (e.label === String(e.status) ? String(e.status) : `${e.status} (${e.label})`)).join(', ');
  return problem(404, `${op.method} ${op.path} has no example for ${asked}. Its examples: ${offered || 'none'}.`, { shape: data.errors });
}

/**
 * A 400 naming every request value that does not match the contract. Prism lowercases parameter
 * names; `declared` maps `<in>:<lowercased name>` back to the contract's spelling.
 */
export function invalidRequestProblem(
  apiId: string,
  validations: readonly PrismValidation[],
  declared: ReadonlyMap<string, string> = new Map(),
  shape: ErrorShape = rfc9457,
): MockAnswer {
  const params = validations.map(toInvalidParam).map((p) => ({ ...p, name: declared.get(`${p.in}:${p.name.toLowerCase()}`) ?? p.name }));
  const names = [...new Set(params.map((p) => (p.name === p.in ? `the ${p.in}` : `${p.in} ${p.name}`)))];
  return problem(400, `The request does not match the contract of ${apiId}: check ${names.join(', ')}.`, { shape, invalidParams: params });
}

/**
 * Names the value a Prism diagnostic is about: its path after the location (`body`, `query`,
 * `path`, `header`), with array indexes in brackets, and the missing property of a `required` error.
 */
export function toInvalidParam(validation: PrismValidation): InvalidParam {
  const [location, ...segments] = validation.path ?? validation.location ?? [];
  const message = validation.message ?? 'is not valid';
  // A missing property, or one the schema does not allow, is named in the message only.
  const missing = /(?:required property|additional properties; found) '([^']+)'/.exec(message)?.[1];
  if (missing) segments.push(missing);
  const name = segments.reduce((text, segment) => (/^\d+$/.test(segment) ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
  const place = location ?? (/body/i.test(message) ? 'body' : 'request');
  return { name: name || place, in: place, reason: message };
}

/** Whether a request path matches an operation's path template (`/customer/{id}`), with or without a final slash. */
export function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`).test(path);
}

/** Whether a header holds a credential: a value, and for an Authorization header its scheme followed by a token (`Bearer ` alone is none). */
function carries(value: string | null, scheme: string | undefined): boolean {
  if (!value?.trim()) return false;
  if (!scheme) return true;
  const [given = '', token] = value.trim().split(/\s+/, 2);
  return given.toLowerCase() === scheme.toLowerCase() && Boolean(token);
}

function lowercased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
