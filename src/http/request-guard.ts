import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Why a request is refused before any handler sees it. */
export interface Refusal {
  status: 400 | 403;
  reason: string;
}

const hostSyntax = /^(?:[a-z\d-]+(?:\.[a-z\d-]+)*\.?|\[[\da-f:.]+\])(?::\d{1,5})?$/i;

/**
 * What no handler should answer: an HTTP/0.9 request; a Host header that is repeated or is not a
 * host and port (RFC 9112 §3.2); and, on a connection to a loopback address, a Host that names
 * neither localhost nor an IP address. That last one is how a page of another site reads a local
 * server through DNS rebinding (its name made to point at 127.0.0.1), so the browser's same-origin
 * rule never stops it; Vite and webpack's dev server refuse it the same way.
 */
export function refusalOf(req: IncomingMessage): Refusal | undefined {
  if (req.httpVersionMajor !== 1) return { status: 400, reason: `HTTP/${req.httpVersion} is not served here; send HTTP/1.1.` };
  const hosts = req.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === 'host').length;
  if (hosts > 1) return { status: 400, reason: 'The request has more than one Host header.' };
  const host = req.headers.host;
  if (host === undefined) return undefined;
  if (!hostSyntax.test(host)) return { status: 400, reason: `The Host header ${JSON.stringify(host)} is not a host name or address.` };
  if (!isLoopback(req.socket.localAddress)) return undefined;
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return undefined;
  return {
    status: 403,
    reason: `This server on the loopback address answers only to localhost or an IP address, not "${name}" (a web page may be trying to read it through DNS rebinding); open it as http://localhost:${req.socket.localPort}/.`,
  };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  return address === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
}
