import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createGuardedServer, type ServerLimits } from '../http/guarded-server.ts';
import { isLocalOrigin, isPreflight, preflightHeaders, responseCorsHeaders } from './cors.ts';
import type { MockEngine } from './prism-engine.ts';
import type { MockResponse } from './exchange.ts';
import { problem } from './problems.ts';

/** How much the mock server accepts; the defaults suit a mock on the developer's machine. */
export interface MockServerOptions {
  /** The largest request body, in bytes; a larger one gets a 413 and a closed connection. @default 10 MiB */
  maxBodyBytes?: number;
  /** How long a client may take (see ServerLimits). */
  limits?: Partial<ServerLimits>;
}

/**
 * The mock's HTTP server: `/<api-id>/<path>` goes to that API's engine, `/` lists the mocked APIs,
 * anything else is a problem+json 404. Web apps on localhost origins may call it (CORS).
 */
export function createMockServer(engines: readonly MockEngine[], log: (line: string) => void, options: MockServerOptions = {}): Server {
  const byId = new Map(engines.map((engine) => [engine.api.id, engine]));
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  return createGuardedServer(async (req, res) => {
    const origin = isLocalOrigin(req.headers.origin) ? req.headers.origin : undefined;
    const fail = (error: Error) => problem(500, `The mock failed on this request: ${error.message}`);
    let response = await answer(req, byId, maxBodyBytes).catch(fail);
    try {
      send(req, res, response, origin);
    } catch (error) {
      // An example's header value that HTTP cannot carry, for instance.
      if (res.headersSent) return void res.end();
      response = fail(error as Error);
      send(req, res, response, origin);
    }
    log(`${response.status} ${req.method} ${req.url}`);
  }, options.limits);
}

async function answer(req: IncomingMessage, engines: Map<string, MockEngine>, maxBodyBytes: number): Promise<MockResponse> {
  if (isPreflight(req.method, req.headers)) {
    if (!isLocalOrigin(req.headers.origin)) {
      return problem(403, `Only web apps on http://localhost:<port> or http://127.0.0.1:<port> may call the mock, not ${req.headers.origin}.`);
    }
    return { status: 204, headers: preflightHeaders(req.headers.origin, req.headers) };
  }
  // Read first, whatever the answer: Node resets the connection when a response leaves a request body unread.
  const body = await readBody(req, maxBodyBytes);
  if (body.problem) return body.problem;
  const url = URL.canParse(req.url ?? '', 'http://mock') ? new URL(req.url ?? '', 'http://mock') : undefined;
  const segments = url?.pathname.split('/');
  if (!url || !segments?.every(isDecodable)) return problem(400, `The request target ${JSON.stringify(req.url)} is not a path the mock can read.`);
  const [, id = '', ...rest] = segments;
  if (id === '') return listApis(engines, req.headers.host);
  const engine = engines.get(id);
  if (!engine) {
    const ids = [...engines.keys()];
    return problem(404, `No API "${decodeURIComponent(id)}" is mocked here. Mocked APIs: ${ids.join(', ')}.`, { extensions: { apis: ids } });
  }
  if (body.invalid) {
    const reason = `is not valid JSON: ${body.invalid}`;
    return problem(400, `The request body ${reason}.`, { shape: engine.errors, invalidParams: [{ name: 'body', in: 'body', reason }] });
  }
  const headers = flattenHeaders(req);
  if (body.bytes > 0) headers['content-length'] = String(body.bytes);
  return engine.answer({ method: req.method ?? 'GET', path: `/${rest.join('/')}`, query: url.searchParams, headers, body: body.value });
}

function isDecodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function listApis(engines: Map<string, MockEngine>, host: string | undefined): MockResponse {
  const apis = [...engines.values()].map(({ api, operations }) => ({
    id: api.id,
    name: api.name,
    audience: api.audience,
    // The guarded server let through only a Host that is a host name or address.
    url: `http://${host ?? 'localhost'}/${api.id}`,
    operations,
  }));
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { apis } };
}

/**
 * The request body: parsed when it is JSON, text otherwise, null when there is none. Reading stops
 * past `maxBytes` (a 413 that closes the connection), so a body without end costs nothing.
 */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<{ value: unknown; bytes: number; problem?: MockResponse; invalid?: string }> {
  const limit = maxBytes % 1048576 === 0 ? `${maxBytes / 1048576} MB` : `${maxBytes} bytes`;
  const tooLarge = problem(413, `The request body is over ${limit}.`, { headers: { connection: 'close' } });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return { value: null, bytes: 0, problem: tooLarge };
  const chunks: Buffer[] = [];
  let bytes = 0;
  const over = await new Promise<boolean>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) return void chunks.push(chunk);
      req.off('data', take);
      req.pause();
      resolve(true);
    };
    req.on('data', take);
    req.once('end', () => resolve(false));
    req.once('error', reject);
  });
  if (over) return { value: null, bytes, problem: tooLarge };
  if (bytes === 0) return { value: null, bytes };
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/^application\/([\w.-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) return { value: text, bytes };
  try {
    return { value: JSON.parse(text), bytes };
  } catch (error) {
    return { value: null, bytes, invalid: (error as Error).message };
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])),
  );
}

function send(req: IncomingMessage, res: ServerResponse, response: MockResponse, origin: string | undefined): void {
  const { body } = response;
  const headers = { ...response.headers };
  const payload = body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  if (payload && !headers['content-type']) headers['content-type'] = 'application/json';
  const cors = origin && !headers['access-control-allow-origin'] ? responseCorsHeaders(origin, headers) : {};
  res.writeHead(response.status, { ...headers, ...cors });
  res.end(req.method === 'HEAD' || response.status === 204 || response.status === 304 ? undefined : payload);
}
