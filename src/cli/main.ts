import { UsageError } from './args.ts';
import { commands } from './command-list.ts';
import { renderHelp, renderUsage } from './help.ts';
import { version } from './version.ts';

/** Runs one command and turns every failure into an exit status, never a stack trace. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(version);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(renderHelp(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command "${name}"\n\n${renderHelp(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(renderUsage(command));
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${renderUsage(command)}`);
      return 2;
    }
    console.error(`portolan ${name} failed: ${(error as Error).message ?? String(error)}`);
    if (process.env['PORTOLAN_DEBUG']) console.error((error as Error).stack);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
