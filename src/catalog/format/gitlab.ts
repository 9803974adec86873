import type { Diagnostic } from '../diagnostics.ts';
import { fingerprint } from './sarif.ts';

/** One finding of a GitLab Code Quality report. */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'blocker' | 'critical' | 'major' | 'minor' | 'info';
  location: { path: string; lines: { begin: number } };
}

/**
 * `--format gitlab`: a Code Quality report (a JSON array), paths from the repository root so
 * GitLab matches them with the merge request's files. An error stops a build: `critical`; a
 * warning does not: `minor`.
 */
export function formatGitlab(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string): string {
  const issues: CodeQualityIssue[] = diagnostics.map((d) => ({
    description: d.hint ? `${d.message}. ${d.hint}` : d.message,
    check_name: d.code,
    fingerprint: fingerprint(d, displayPath),
    severity: d.severity === 'error' ? 'critical' : 'minor',
    location: { path: displayPath(d.file), lines: { begin: d.line } },
  }));
  return JSON.stringify(issues);
}
