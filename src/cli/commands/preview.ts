import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createPreviewServer } from '../../preview/preview-server.ts';
import { parseOptions, UsageError } from '../args.ts';

/** `portolan preview`: serves a built portal on localhost until stopped. */
export async function runPreview(args: string[]): Promise<number> {
  const options = parseOptions(args, {
    out: { type: 'string', default: './dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  });
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(`--port must be a port number, not "${options.port}"`);
  const dir = path.resolve(options.out);
  if (!(await stat(path.join(dir, 'index.html')).catch(() => undefined))) {
    throw new UsageError(`"${dir}" holds no built portal; run "npx portolan build" first`);
  }
  const server = createPreviewServer(dir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is already in use; choose another with --port`) : error),
    );
    server.listen(port, options.host, resolve);
  });
  const address = server.address();
  console.log(`Portolan preview: http://${options.host}:${typeof address === 'object' && address ? address.port : port}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
