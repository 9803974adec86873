import path from 'node:path';
import { warningOnce } from '../../catalog/cache/cache-folder.ts';
import { defaultCacheDir } from '../../catalog/cache/default-cache-dir.ts';
import { isInside } from '../../catalog/discover.ts';
import type { BuildOutcome } from '../../build/build-portal.ts';
import { parseCommand, portNumber, UsageError, type CommandSpec, type OptionSpec } from '../args.ts';
import { audienceOption, audiences, catalogOption, contentOption, hostOption, portOption } from '../common-options.ts';
import { printDiagnostics } from '../report.ts';
import { assertCatalogFolder, stageTimes } from '../shared.ts';

/** `portolan dev`: builds, serves and watches the catalogue and the content, rebuilding and reloading on each save. */
const devOptions = {
  catalog: catalogOption,
  content: contentOption,
  port: portOption(4321),
  host: hostOption,
  audience: audienceOption,
} as const satisfies Record<string, OptionSpec>;

export const devCommand: CommandSpec = {
  name: 'dev',
  summary: 'build, serve and watch the portal: each save rebuilds what changed and reloads the page; problems show in the page',
  options: devOptions,
  run: runDev,
};

async function runDev(args: string[]): Promise<number> {
  const options = parseCommand(devOptions, args);
  const port = portNumber(options.port);
  const audience = options.audience as (typeof audiences)[number] | undefined;
  const catalog = path.resolve(options.catalog);
  await assertCatalogFolder(catalog);
  const cacheDir = defaultCacheDir();
  const out = path.join(cacheDir, 'dev', audience ?? 'default');
  if (isInside(catalog, out)) throw new UsageError(`the dev output "${out}" would be inside the catalogue "${catalog}"`);

  console.log('Portolan dev: building…');
  const [{ createDevServer }, { startDevSession }] = await Promise.all([import('../../dev/dev-server.ts'), import('../../dev/dev-session.ts')]);
  const session = await startDevSession({
    catalog,
    content: path.resolve(options.content),
    out,
    audience,
    cache: warningOnce({ dir: cacheDir, onWarning: (line) => console.error(line) }),
    onBuild: (outcome, ms) => report(outcome, ms, catalog),
    onFailure: (error) => console.error(`the rebuild failed: ${(error as Error).message ?? String(error)}; save again to retry`),
  });
  const server = createDevServer(out, session.live);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is already in use; choose another with --port`) : error),
    );
    server.listen(port, options.host, resolve);
  });
  const address = server.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Portolan dev: http://${options.host}:${shownPort}/ (watching ${shown(catalog)} and ${shown(options.content)}; Ctrl-C to stop)`);
  if (session.first.status !== 'built') console.log('The first build failed: the pages show the problems until you fix them.');
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.closeAllConnections();
      void session.close().then(() => server.close(() => resolve()));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** One line per build with its duration, and the diagnostics of a failed one. */
function report(outcome: BuildOutcome, ms: number, catalog: string): void {
  const seconds = `${(ms / 1000).toFixed(2)}s`;
  if (outcome.status === 'built') {
    if (outcome.warnings.length > 0) printDiagnostics(outcome.warnings, 'text', catalog);
    const stages = stageTimes(outcome.timings);
    console.log(`built ${outcome.apis} APIs for the ${outcome.audience} audience in ${seconds} (${outcome.upToDate ? 'nothing changed' : stages})`);
  } else if (outcome.status === 'catalog-errors') {
    printDiagnostics(outcome.diagnostics, 'text', catalog);
    console.log(`build stopped after ${seconds}: the page shows these problems and the last good build until you fix them`);
  } else if (outcome.status === 'leaks') {
    for (const leak of outcome.leaks) console.error(`${leak.file}: holds "${leak.term}" (${leak.why})`);
    console.log(`build stopped after ${seconds}: the output held strings the ${outcome.audience} audience must not see`);
  } else {
    console.log(`build stopped after ${seconds}: ${outcome.reason}`);
  }
}

function shown(folder: string): string {
  return path.relative(process.cwd(), path.resolve(folder)) || '.';
}
