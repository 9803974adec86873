import type { Diagnostic } from '../diagnostics.ts';

/** Escapes a workflow command's data, as the GitHub Actions toolkit does. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `--format github`: one workflow command per diagnostic, paths from the repository root. */
export function formatGithub(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string): string {
  return diagnostics
    .map((d) => {
      const properties = `file=${escapeProperty(displayPath(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}`;
      const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${d.severity} ${properties}::${escapeData(message)}`;
    })
    .join('\n');
}
