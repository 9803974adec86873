import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the user got wrong: exit status 2 with the usage. */
export class UsageError extends Error {}

/** The help text. */
export const usage = `Usage: portolan <command> [options]

Commands:
  check    [--catalog DIR] [--format text|json|github|sarif|gitlab] [--strict] [--contract-timeout S]
           [--cache DIR | --no-cache]
           validate a catalogue and print its diagnostics (--strict: warnings fail too)
  build    [--catalog DIR] [--content DIR] [--out DIR] [--audience public|partner|internal]
           [--base PATH] [--site URL] [--strict] [--contract-timeout S] [--step-timeout S]
           [--cache DIR | --no-cache]
           check, then build the static portal and check its links (--strict: warnings fail too)
  preview  [--out DIR] [--port N] [--host NAME]
           serve a built portal on localhost
  dev      [--catalog DIR] [--content DIR] [--port N] [--host NAME] [--audience public|partner|internal]
           build, serve and watch: each save rebuilds what changed and reloads the page
  mock     [--catalog DIR] [--port N] [--host NAME]
           answer every OpenAPI API of the catalogue from its examples, at /<api-id>/...

Defaults: --catalog ./catalog, --content ./content, --out ./dist, --port 4321 (mock: 4010),
--host localhost, --audience from portal.yaml, else public, --contract-timeout 120 (seconds
one contract may take to read and check), --step-timeout 900 (seconds one build step may take),
--cache node_modules/.cache/portolan (checked contracts, reused while their files are unchanged).
Exit status: 0 no errors, 1 catalogue errors, 2 usage or internal error.`;

/** Parses options strictly; a mistake is a UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Checks that an option is one of the allowed values. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** A number of seconds given as an option, in milliseconds; undefined when the option is absent. */
export function secondsOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--${name} must be a number of seconds above 0, not "${value}"`);
  return seconds * 1000;
}

/** One option of a command, as its help shows it: the table `--help` and the usage are generated from. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  /** The values a string option accepts; shown as `a|b|c` in the help. */
  values?: readonly string[];
  /** The placeholder of a string option's value in the help (`DIR`, `N`). */
  placeholder?: string;
  /** One line for the help. */
  description: string;
}

/** A command of the CLI: its name, what it does, its options, and how it runs. */
export interface CommandSpec {
  name: string;
  /** Positional arguments as the usage shows them, e.g. `api|service|domain|team`. */
  positionals?: string;
  summary: string;
  options: Record<string, OptionSpec>;
  run(args: string[]): Promise<number>;
}
