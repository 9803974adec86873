import { readFile } from 'node:fs/promises';
import type { Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { createGuardedServer } from '../http/guarded-server.ts';
import { candidatesFor } from '../preview/preview-server.ts';
import { readRequestPath } from '../preview/request-path.ts';
import { openInside, sendFile, type OpenFile } from '../preview/static-files.ts';
import { devClientSource, devPaths, devPrefix, devScriptTag } from './dev-client.ts';
import type { LiveReload } from './live-reload.ts';

/**
 * The server of `portolan dev`: the built portal in `dir` served as the preview serves it, each
 * HTML page with the dev script added before `</body>`, and the script and the event stream
 * under `/__portolan/`.
 */
export function createDevServer(dir: string, live: LiveReload): Server {
  const root = path.resolve(dir);
  return createGuardedServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'text/plain', `${req.method} is not served here.\n`);
    const pathname = (req.url ?? '/').replace(/[?#].*$/s, '');
    if (pathname === devPaths.events) return live.connect(req, res);
    if (pathname === devPaths.script) return answer(res, 200, 'text/javascript', devClientSource);
    if (pathname.startsWith(devPrefix)) return answer(res, 404, 'text/plain', 'Not found.\n');
    const target = readRequestPath(req.url ?? '');
    if ('invalid' in target) return answer(res, 400, 'text/plain', `Bad request: ${target.invalid}.\n`);
    const file = await openInside(root, candidatesFor(target.segments));
    if (file) return file.name.endsWith('.html') ? sendPage(res, file, 200) : sendFile(req, res, file);
    const notFound = await openInside(root, ['404.html']);
    if (notFound) return sendPage(res, notFound, 404);
    answer(res, 404, 'text/plain', 'Not found.\n');
  });
}

/** A page with the dev script in it; never cached, so a reload gets the new build. */
async function sendPage(res: ServerResponse, file: OpenFile, status: number): Promise<void> {
  let html: string;
  try {
    html = await readFile(file.handle, 'utf8');
  } finally {
    await file.handle.close().catch(() => {});
  }
  const at = html.lastIndexOf('</body>');
  answer(res, status, 'text/html', at === -1 ? html + devScriptTag : `${html.slice(0, at)}${devScriptTag}${html.slice(at)}`);
}

function answer(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
  });
  res.end(body);
}
