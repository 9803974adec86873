import { codeEntry, type Code } from './codes.ts';

/** How bad a problem is: errors fail `check` and `build`, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in the catalogue, located in a catalogue-relative file, 1-based. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** A design-rule finding a waiver in force silences (rules/waivers.yaml): shown, as a warning that `--strict` leaves alone. */
  waived?: { reason: string; until: string; approvedBy: string };
}

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** What every pipeline stage returns. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** The position used when a problem concerns a whole file. */
export const fileStart: Position = { line: 1, column: 1 };

/** Builds a diagnostic; the hint defaults to the code's own. */
export function diagnose(
  code: Code,
  file: string,
  at: Position,
  message: string,
  options: { hint?: string; severity?: Severity } = {},
): Diagnostic {
  return {
    code,
    severity: options.severity ?? 'error',
    file,
    line: at.line,
    column: at.column,
    message,
    hint: options.hint ?? codeEntry(code).hint,
  };
}

/** Sorts by file, line, column, and drops exact repeats. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code, 'en'),
  );
}

/** Counts errors and warnings. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The diagnostics with every warning made an error: what `--strict` does. */
export function strictly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' && !d.waived ? { ...d, severity: 'error' as const } : d));
}
