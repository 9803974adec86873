/** What a request asks the mock for, Prism's way: `Prefer: code=404, example=<label>, dynamic=true`. */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
}

/**
 * Reads the `Prefer` header (RFC 7240), or, without one, Prism's query fallbacks
 * `__code`, `__example`, `__dynamic` and `__seed` (handy from a browser's address bar).
 * Throws a message for the client when a preference has a wrong value.
 */
export function readPreferences(prefer: string | undefined, query: URLSearchParams): Preferences {
  const raw = prefer === undefined ? fromQuery(query) : fromHeader(prefer);
  const preferences: Preferences = {};
  if (raw['code'] !== undefined) {
    if (!/^[1-5]\d\d$/.test(raw['code'])) throw new Error(`Prefer: code must be a three-digit HTTP status, not "${raw['code']}"`);
    preferences.code = Number(raw['code']);
  }
  if (raw['example']) preferences.example = raw['example'];
  if (raw['dynamic'] !== undefined) {
    if (raw['dynamic'] !== 'true' && raw['dynamic'] !== 'false') throw new Error(`Prefer: dynamic must be true or false, not "${raw['dynamic']}"`);
    preferences.dynamic = raw['dynamic'] === 'true';
  }
  if (raw['seed']) preferences.seed = raw['seed'];
  return preferences;
}

function fromHeader(prefer: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const part of prefer.split(/[,;]/)) {
    const match = /^\s*([\w-]+)\s*(?:=\s*(?:"([^"]*)"|([^\s"]*)))?\s*$/.exec(part);
    if (match) values[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return values;
}

function fromQuery(query: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of ['code', 'example', 'dynamic', 'seed']) {
    const value = query.get(`__${name}`);
    if (value !== null) values[name] = value;
  }
  return values;
}
