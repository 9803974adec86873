import type { Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { createGuardedServer, type ServerLimits } from '../http/guarded-server.ts';
import { readRequestPath } from './request-path.ts';
import { openInside, sendFile } from './static-files.ts';

/**
 * The preview's server for the built portal in `dir`, as a static host serves it: `/a/b` is
 * `a/b`, `a/b.html` or `a/b/index.html`; any other address gets the portal's own 404 page with a
 * 404 status. Files are looked up on each request, so a rebuild shows without a restart. Only GET
 * and HEAD (405 otherwise), nothing outside `dir` (symbolic links included), and a 400 for a
 * target that is not a path below it.
 */
export function createPreviewServer(dir: string, limits: Partial<ServerLimits> = {}): Server {
  const root = path.resolve(dir);
  return createGuardedServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, `${req.method} is not served here: the preview only reads files.`);
    const target = readRequestPath(req.url ?? '');
    if ('invalid' in target) return refuse(res, 400, `Bad request: ${target.invalid}.`);
    const file = await openInside(root, candidatesFor(target.segments));
    if (file) return sendFile(req, res, file);
    const notFound = await openInside(root, ['404.html']);
    if (notFound) return sendFile(req, res, notFound, 404);
    refuse(res, 404, 'Not found.');
  }, limits);
}

/** The files an address may name, in the order static hosts try them. */
export function candidatesFor(segments: readonly string[]): string[] {
  if (segments.length === 0) return ['index.html'];
  const file = path.join(...segments);
  return [file, `${file}.html`, path.join(file, 'index.html')];
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
    // A request refused before its body was read: closing is cheaper than reading it.
    ...(status === 404 ? {} : { connection: 'close' }),
  });
  res.end(`${message}\n`);
}
