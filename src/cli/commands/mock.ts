import type { Server } from 'node:http';
import path from 'node:path';
import { countDiagnostics } from '../../catalog/diagnostics.ts';
import type { MockedCatalog } from '../../mock/mock-catalog.ts';
import { parseCommand, portNumber, type CommandSpec, type OptionSpec } from '../args.ts';
import { catalogOption, hostOption, portOption } from '../common-options.ts';
import { printDiagnostics } from '../report.ts';
import { assertCatalogFolder } from '../shared.ts';

const options = {
  catalog: catalogOption,
  port: portOption(4010),
  host: hostOption,
} as const satisfies Record<string, OptionSpec>;

/** `portolan mock`: answers every OpenAPI API of the catalogue from its examples, until stopped. */
export const mockCommand: CommandSpec = {
  name: 'mock',
  summary: 'answer every OpenAPI API of the catalogue from its OK and KO examples, at /<api-id>/...',
  options,
  run: runMock,
};

async function runMock(args: string[]): Promise<number> {
  const values = parseCommand(options, args);
  const port = portNumber(values.port);
  const root = path.resolve(values.catalog);
  await assertCatalogFolder(root);
  // Listening from the start, so a stop while the catalogue loads still ends with status 0 (a second one kills).
  let stopping = false;
  const stop = nextStopSignal().then(() => {
    stopping = true;
  });

  const [{ loadCatalog }, { stopContractWorkers }] = await Promise.all([
    import('../../catalog/load-catalog.ts'),
    import('../../catalog/contracts/run-contracts.ts'),
  ]);
  const result = await loadCatalog(root, { keepDocuments: true });
  // The contract workers are done: their memory goes back before the rest of the work.
  await stopContractWorkers();
  if (result.diagnostics.length > 0) printDiagnostics(result.diagnostics, 'text', root);
  if (!result.catalog) {
    const { errors } = countDiagnostics(result.diagnostics);
    console.error(`mock stopped: the catalogue has ${errors} error${errors === 1 ? '' : 's'}`);
    return 1;
  }
  // Prism is loaded only by this command.
  const { createMockEngines } = await import('../../mock/mock-catalog.ts');
  const { createMockServer } = await import('../../mock/server.ts');
  const mocked = await createMockEngines(result.catalog);
  if (mocked.engines.length === 0) {
    console.error('mock stopped: the catalogue has no OpenAPI API to mock');
    return 1;
  }
  if (stopping) return 0;
  const server = createMockServer(mocked.engines, (line) => console.log(line));
  await listen(server, port, values.host);
  const address = server.address();
  printServed(mocked, `http://${values.host}:${typeof address === 'object' && address ? address.port : port}`);
  await stop;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return 0;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use; stop what uses it or choose another with --port`
            : error.code === 'EACCES'
              ? `port ${port} needs privileges this user does not have; choose another with --port`
              : error.message,
        ),
      ),
    );
    server.listen(port, host, resolve);
  });
}

function printServed({ engines, skipped }: MockedCatalog, base: string): void {
  const width = Math.max(...engines.map((e) => e.api.id.length));
  console.log(`Portolan mock on ${base}/: ${engines.length} OpenAPI APIs of every audience`);
  for (const { api, operations } of engines) {
    console.log(`  ${base}/${api.id.padEnd(width)}  ${api.audience.padEnd(8)}  ${api.name} (${operations.length} operations)`);
  }
  for (const { api, reason } of skipped) console.log(`  not mocked: ${api.id} (${reason})`);
  console.log('Answers the first OK example; ask for another with "Prefer: code=<status>" or "Prefer: example=<label>".');
  console.log('Requests are checked against the contract (400 names what is wrong); any credentials are accepted, missing ones get 401.');
  console.log('Ctrl-C to stop.');
}

/** Resolves on the first SIGINT or SIGTERM. */
function nextStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
