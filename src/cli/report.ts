import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { formatGithub } from '../catalog/format/github.ts';
import { formatGitlab } from '../catalog/format/gitlab.ts';
import { formatJson } from '../catalog/format/json.ts';
import { formatSarif } from '../catalog/format/sarif.ts';
import { formatText } from '../catalog/format/text.ts';
import { version } from './version.ts';

/** The output formats of `check`. */
export const formats = ['text', 'json', 'github', 'sarif', 'gitlab'] as const;
/** One output format. */
export type Format = (typeof formats)[number];

/** Prints diagnostics in the chosen format; paths shown from the current directory. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], format: Format, catalogRoot: string): void {
  const relativeFrom = (base: string) => (file: string) => path.relative(base, path.join(catalogRoot, file)).split(path.sep).join('/');
  const displayPath = relativeFrom(process.cwd());
  const fromRepository = relativeFrom(repositoryRoot(catalogRoot) ?? process.cwd());
  if (format === 'json') {
    process.stdout.write(`${formatJson(diagnostics)}\n`);
  } else if (format === 'github') {
    // GitHub annotates files by their path from the repository root; so do code scanning and GitLab.
    if (diagnostics.length > 0) process.stdout.write(`${formatGithub(diagnostics, fromRepository)}\n`);
  } else if (format === 'sarif') {
    process.stdout.write(`${formatSarif(diagnostics, fromRepository, { version })}\n`);
  } else if (format === 'gitlab') {
    process.stdout.write(`${formatGitlab(diagnostics, fromRepository)}\n`);
  } else {
    const lines = new Map<string, string[] | undefined>();
    const sourceLine = (file: string, line: number) => {
      if (!lines.has(file)) lines.set(file, readLines(path.join(catalogRoot, file)));
      return lines.get(file)?.[line - 1];
    };
    const colour = process.stdout.isTTY === true && !process.env['NO_COLOR'];
    process.stdout.write(`${formatText(diagnostics, { displayPath, sourceLine, colour })}\n`);
  }
}

/** The nearest folder above the catalogue that holds .git, if any. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
