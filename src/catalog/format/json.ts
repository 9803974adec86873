import { countDiagnostics, type Diagnostic } from '../diagnostics.ts';

/** `--format json`: exactly one JSON object, file paths relative to the catalogue. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ diagnostics, ...countDiagnostics(diagnostics) });
}
