import { runBuild } from './commands/build.ts';
import { runCheck } from './commands/check.ts';
import { runMock } from './commands/mock.ts';
import { newCommand } from './commands/new.ts';
import { runPreview } from './commands/preview.ts';
import { UsageError, usage } from './args.ts';

const commands: Record<string, (args: string[]) => Promise<number>> = {
  check: runCheck,
  build: runBuild,
  preview: runPreview,
  mock: runMock,
  new: newCommand.run,
};

/** Runs one command and turns every failure into an exit status, never a stack trace. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(`portolan ${name} failed: ${(error as Error).message ?? String(error)}`);
    if (process.env['PORTOLAN_DEBUG']) console.error((error as Error).stack);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
