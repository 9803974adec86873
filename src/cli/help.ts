import type { CommandSpec, OptionSpec } from './args.ts';

const exitStatus = 'Exit status: 0 no errors, 1 catalogue errors, 2 usage or internal error.';

/** `--name VALUE`, as a synopsis shows an option. */
function optionSynopsis(name: string, option: OptionSpec): string {
  if (option.type === 'boolean') return `--${name}`;
  return `--${name} ${option.values ? option.values.join('|') : (option.placeholder ?? 'VALUE')}`;
}

/** A command's one-line synopsis: `portolan check [--catalog DIR] […]`. */
export function commandSynopsis(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([name, option]) => `[${optionSynopsis(name, option)}]`);
  return ['portolan', spec.name, ...(spec.positionals ? [spec.positionals] : []), ...options].join(' ');
}

/** `portolan --help`: every command with its options and what it does. */
export function renderHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length)) + 2;
  const commands = specs.map((spec) => {
    const synopsis = commandSynopsis(spec).slice(`portolan ${spec.name} `.length);
    return `  ${spec.name.padEnd(width)}${wrap(synopsis, 90, ' '.repeat(width + 2))}\n${' '.repeat(width + 2)}${spec.summary}`;
  });
  return [
    'Usage: portolan <command> [options]',
    '',
    'Commands:',
    ...commands,
    '',
    '  --version  print the version',
    '',
    'Run "portolan <command> --help" for what each option does and its default.',
    exitStatus,
  ].join('\n');
}

/** `portolan <command> --help`: the command's synopsis, and each option with its default. */
export function renderUsage(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => [optionSynopsis(name, option), describe(option)] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${wrap(commandSynopsis(spec), 100, '         ')}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    `  ${'--help'.padEnd(width)}print this help`,
    '',
    exitStatus,
  ].join('\n');
}

function describe(option: OptionSpec): string {
  return option.type === 'string' && option.default !== undefined ? `${option.description} (default: ${String(option.default)})` : option.description;
}

/** Wraps a synopsis at spaces between options, indenting the lines after the first. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(/ (?=\[)/)) {
    if (line && line.length + part.length + 1 > width) {
      lines.push(line);
      line = part;
    } else line = line ? `${line} ${part}` : part;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}
