import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { refusalOf } from './request-guard.ts';

/** How long a client may take, in milliseconds; the defaults suit a server on the developer's machine. */
export interface ServerLimits {
  /** To send the request line and headers (slow clients that trickle headers are cut off). @default 10000 */
  headersMs: number;
  /** To send the whole request, body included. @default 60000 */
  requestMs: number;
  /** Between two requests on a kept-alive connection. @default 5000 */
  keepAliveMs: number;
  /** Of silence on a connection, either way (a client that stops reading its answer). @default 30000 */
  idleMs: number;
}

/** The limits of the preview and mock servers unless a test asks for others. */
export const defaultLimits: ServerLimits = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000, idleMs: 30_000 };

/** A request handler; whatever it throws or rejects with ends that request only. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * An HTTP server that no request can bring down: slow clients are timed out, requests Node cannot
 * parse get a 400 (431 for oversized headers, 408 for a timeout) and a closed connection, requests
 * `refusalOf` refuses get its 400 or 403, and an error in `handle` is a 500, or a closed connection
 * once the answer has started.
 */
export function createGuardedServer(handle: RequestHandler, limits: Partial<ServerLimits> = {}): Server {
  const { headersMs, requestMs, keepAliveMs, idleMs } = { ...defaultLimits, ...limits };
  // Answers under way on each connection (pipelined requests are answered in turn).
  const answering = new WeakMap<Duplex, number>();
  const server = createServer(
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      keepAliveTimeout: keepAliveMs,
      // Node checks the two timeouts above only this often (30 s unless told).
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersMs / 4))),
      requireHostHeader: true,
    },
    (req, res) => {
      answering.set(req.socket, (answering.get(req.socket) ?? 0) + 1);
      res.once('close', () => answering.set(req.socket, (answering.get(req.socket) ?? 1) - 1));
      res.once('error', () => res.destroy());
      const refusal = refusalOf(req);
      if (refusal) {
        res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        return void res.end(`${refusal.reason}\n`);
      }
      new Promise<void>((resolve) => resolve(handle(req, res))).catch(() => failRequest(res));
    },
  );
  server.timeout = idleMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, (answering.get(socket) ?? 0) > 0));
  // Once listening, the only errors left are failed accepts (too many open files): passing, not fatal.
  server.once('listening', () => server.on('error', () => {}));
  return server;
}

const clientErrorStatus: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/** What Node itself does without a listener, written out so every server here does it the same way. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, answering: boolean): void {
  // A bad request pipelined behind one still being answered: a status line now would corrupt that answer.
  if (error.code === 'ECONNRESET' || !socket.writable || answering) return void socket.destroy();
  const status = clientErrorStatus[error.code ?? ''] ?? 400;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

function failRequest(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return void res.destroy();
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('The server failed on this request.\n');
}
