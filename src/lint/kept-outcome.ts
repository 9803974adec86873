import type { Diagnostic } from '../catalog/diagnostics.ts';
import { isRecord } from '../catalog/is-record.ts';
import type { LintOutcome } from './lint-job.ts';

/**
 * A lint outcome as the cache keeps it: each distinct string once, each finding seven numbers
 * (code, severity, file, line, column, message, hint or -1). A contract's findings repeat the same
 * few rules, files and descriptions: the benchmark's 1,000 APIs (240,000 findings) take 13 MB of
 * cache this way against a 131 MB JSON report, and a warm lint's own stage went from 1.9 to 0.5 s.
 */
export interface KeptOutcome {
  strings: string[];
  findings: number[];
  rulesRun: number;
  reads: [string, string | null][];
}

const stride = 7;
const severities = new Set<unknown>(['error', 'warning']);
const keys = new Set(['code', 'severity', 'file', 'line', 'column', 'message', 'hint']);

/** The outcome to keep, or undefined when a finding has a field this layout does not hold. */
export function keepOutcome(outcome: LintOutcome): KeptOutcome | undefined {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const index = (text: string): number => {
    let found = at.get(text);
    if (found === undefined) at.set(text, (found = strings.push(text) - 1));
    return found;
  };
  const findings: number[] = [];
  for (const d of outcome.diagnostics) {
    if (Object.keys(d).some((key) => !keys.has(key))) return undefined;
    findings.push(index(d.code), index(d.severity), index(d.file), d.line, d.column, index(d.message), d.hint === undefined ? -1 : index(d.hint));
  }
  return { strings, findings, rulesRun: outcome.rulesRun, reads: outcome.reads };
}

/** The outcome a kept one holds, or undefined when it is not one (an index out of range, a wrong type). */
export function restoreOutcome(value: unknown): LintOutcome | undefined {
  if (!isRecord(value) || typeof value['rulesRun'] !== 'number' || !Array.isArray(value['reads'])) return undefined;
  const { strings, findings } = value;
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string') || !Array.isArray(findings) || findings.length % stride !== 0) return undefined;
  const text = (i: unknown): string | undefined => (Number.isInteger(i) ? (strings[i as number] as string | undefined) : undefined);
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < findings.length; i += stride) {
    const [code, severity, file, message] = [0, 1, 2, 5].map((k) => text(findings[i + k]));
    const [line, column, hint] = [findings[i + 3], findings[i + 4], findings[i + 6]] as unknown[];
    if (!code || !severities.has(severity) || file === undefined || message === undefined) return undefined;
    if (!Number.isInteger(line) || !Number.isInteger(column)) return undefined;
    const described = hint === -1 ? undefined : text(hint);
    if (hint !== -1 && described === undefined) return undefined;
    diagnostics.push({
      code: code as Diagnostic['code'],
      severity: severity as Diagnostic['severity'],
      file,
      line: line as number,
      column: column as number,
      message,
      ...(described === undefined ? {} : { hint: described }),
    });
  }
  return { diagnostics, rulesRun: value['rulesRun'], reads: value['reads'] as LintOutcome['reads'] };
}
