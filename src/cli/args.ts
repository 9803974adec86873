import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the user got wrong: exit status 2 with the usage. */
export class UsageError extends Error {}

/** Parses options strictly; a mistake is a UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Parses a command's options from its table: strictly, with every option that lists its values
 * checked against them. A mistake is a UsageError.
 */
export function parseCommand<T extends Record<string, OptionSpec>>(options: T, args: string[]) {
  const values = parseOptions(args, options);
  for (const [name, spec] of Object.entries(options)) {
    if (spec.values) oneOf(name, (values as Record<string, string | undefined>)[name], spec.values);
  }
  return values;
}

/** Checks that an option is one of the allowed values. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** A port number given as an option. */
export function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a port number, not "${value}"`);
  return port;
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
