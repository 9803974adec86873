import { plural } from '../plural.ts';
import { styleText } from 'node:util';
import { countDiagnostics, type Diagnostic } from '../diagnostics.ts';

/** What the text format needs from its caller. */
export interface TextContext {
  /** The path to print for a catalogue-relative file (from the current directory). */
  displayPath(file: string): string;
  /** The text of a 1-based line of a catalogue file, if it can be read. */
  sourceLine(file: string, line: number): string | undefined;
  /** Whether to colour the output. */
  colour: boolean;
}

/** `--format text`: like a compiler, each problem with its source line and a caret. */
export function formatText(diagnostics: readonly Diagnostic[], context: TextContext): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (context.colour ? styleText(format, text, { validateStream: false }) : text);
  const blocks = diagnostics.map((d) => {
    const severity = d.waived ? paint(['bold', 'cyan'], 'waived') : d.severity === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning');
    const lines = [`${paint('bold', `${context.displayPath(d.file)}:${d.line}:${d.column}`)} ${severity} ${d.message} ${paint('dim', `[${d.code}]`)}`];
    const source = context.sourceLine(d.file, d.line);
    // A secret's line is not printed back: check output often ends up in a CI log.
    if (source !== undefined && source.length <= 400 && d.code !== 'secret/found') {
      const number = String(d.line);
      const gutter = ' '.repeat(number.length);
      const expanded = source.replace(/\t/g, ' ');
      lines.push(`  ${paint('dim', `${number} |`)} ${expanded}`);
      lines.push(`  ${paint('dim', `${gutter} |`)} ${' '.repeat(Math.max(0, d.column - 1))}${paint(['bold', 'red'], '^')}`);
    }
    if (d.hint) lines.push(`  ${paint('cyan', 'hint:')} ${d.hint}`);
    if (d.waived) lines.push(`  ${paint('cyan', 'waived:')} ${d.waived.reason} (until ${d.waived.until}, approved by ${d.waived.approvedBy})`);
    return lines.join('\n');
  });
  return [...blocks, summarise(diagnostics)].join('\n\n');
}

/** "2 errors, 1 warning in 3 files" */
export function summarise(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const where = files > 0 ? ` in ${plural(files, 'file')}` : '';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${where}`;
}
