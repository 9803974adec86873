import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';
import { parseOptions, UsageError } from '../args.ts';

/** `portolan preview`: serves a built portal on localhost until stopped. */
export async function runPreview(args: string[]): Promise<number> {
  const options = parseOptions(args, {
    out: { type: 'string', default: './dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  });
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${options.port}"`);
  const dir = path.resolve(options.out);
  if (!(await stat(path.join(dir, 'index.html')).catch(() => undefined))) {
    throw new UsageError(`"${dir}" holds no built portal; run "npx portolan build" first`);
  }
  // dev mode looks files up on each request, so a rebuild shows without restarting the preview.
  const serve = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  // Any other address gets the portal's own 404 page, with a 404 status, as static hosts serve it.
  const server = createServer((req, res) =>
    serve(req, res, async () => {
      const page = await readFile(path.join(dir, '404.html')).catch(() => undefined);
      res.statusCode = 404;
      res.setHeader('content-type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
      res.end(page ?? 'Not found');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is already in use; choose another with --port`) : error),
    );
    server.listen(port, options.host, resolve);
  });
  console.log(`Portolan preview: http://${options.host}:${port}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
