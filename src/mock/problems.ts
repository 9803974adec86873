import { STATUS_CODES } from 'node:http';
import type { MockResponse } from './exchange.ts';

/** One request value that does not match the contract (RFC 9457 `invalid-params`). */
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

/** An RFC 9457 problem+json answer; `type` is about:blank, so `title` is the status's own phrase. */
export function problem(status: number, detail: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...extensions },
  };
}

/**
 * A 400 naming every request value that does not match the contract. Prism lowercases parameter
 * names; `declared` maps `<in>:<lowercased name>` back to the contract's spelling.
 */
export function invalidRequestProblem(apiId: string, validations: readonly PrismValidation[], declared: ReadonlyMap<string, string> = new Map()): MockResponse {
  const params = validations.map(toInvalidParam).map((p) => ({ ...p, name: declared.get(`${p.in}:${p.name.toLowerCase()}`) ?? p.name }));
  const names = [...new Set(params.map((p) => (p.name === p.in ? `the ${p.in}` : `${p.in} ${p.name}`)))];
  return problem(400, `The request does not match the contract of ${apiId}: check ${names.join(', ')}.`, { 'invalid-params': params });
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
