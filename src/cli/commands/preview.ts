import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCommand, portNumber, UsageError, type CommandSpec, type OptionSpec } from '../args.ts';
import { hostOption, portOption } from '../common-options.ts';

const options = {
  out: { type: 'string', default: './dist', placeholder: 'DIR', description: 'the built portal to serve' },
  port: portOption(4321),
  host: hostOption,
} as const satisfies Record<string, OptionSpec>;

/** `portolan preview`: serves a built portal on localhost until stopped. */
export const previewCommand: CommandSpec = {
  name: 'preview',
  summary: 'serve a built portal on localhost, as a static host does',
  options,
  run: runPreview,
};

async function runPreview(args: string[]): Promise<number> {
  const values = parseCommand(options, args);
  const port = portNumber(values.port);
  const dir = path.resolve(values.out);
  if (!(await stat(path.join(dir, 'index.html')).catch(() => undefined))) {
    throw new UsageError(`"${dir}" holds no built portal; run "npx portolan build" first`);
  }
  const { createPreviewServer } = await import('../../preview/preview-server.ts');
  const server = createPreviewServer(dir);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is already in use; choose another with --port`) : error),
    );
    server.listen(port, values.host, resolve);
  });
  const address = server.address();
  console.log(`Portolan preview: http://${values.host}:${typeof address === 'object' && address ? address.port : port}/ (Ctrl-C to stop)`);
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
