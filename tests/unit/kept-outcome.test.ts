import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/catalog/diagnostics.ts';
import { keepOutcome, restoreOutcome } from '../../src/lint/kept-outcome.ts';
import type { LintOutcome } from '../../src/lint/lint-job.ts';

const finding = (line: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'lint/owasp:api4:2023-string-limit',
  severity: 'warning',
  file: 'party/customer-api/openapi.yaml',
  line,
  column: 7,
  message: 'Schema of type string must specify maxLength, enum, or const.',
  hint: 'String size should be limited to mitigate resource exhaustion attacks.',
  ...extra,
});

const outcome: LintOutcome = {
  diagnostics: [finding(11), finding(12, { severity: 'error', file: 'party/customer-api/schemas/customer.yaml' }), { ...finding(40), hint: undefined }],
  rulesRun: 42,
  reads: [['party/customer-api/openapi.yaml', 'abc']],
};
delete outcome.diagnostics[2]!.hint;

describe('a lint outcome as the cache keeps it', () => {
  it('gives back the same findings, and holds each repeated string once', () => {
    const kept = keepOutcome(outcome)!;
    expect(restoreOutcome(JSON.parse(JSON.stringify(kept)))).toEqual(outcome);
    expect(kept.strings.filter((s) => s === finding(1).message)).toHaveLength(1);
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(outcome).length);
  });

  it('is not kept when a finding has a field the layout does not hold', () => {
    expect(keepOutcome({ ...outcome, diagnostics: [finding(1, { waived: { reason: 'r', until: '2027-01-01', approvedBy: 'a' } })] })).toBeUndefined();
  });

  it('is refused, not half read, when an index points nowhere or a value has the wrong type', () => {
    const kept = keepOutcome(outcome)!;
    expect(restoreOutcome({ ...kept, findings: kept.findings.map((n, i) => (i === 5 ? 99 : n)) })).toBeUndefined();
    expect(restoreOutcome({ ...kept, findings: kept.findings.map((n, i) => (i === 3 ? 'eleven' : n)) })).toBeUndefined();
    expect(restoreOutcome({ ...kept, findings: kept.findings.slice(1) })).toBeUndefined();
    expect(restoreOutcome({ ...kept, strings: kept.strings.map((s, i) => (i === 1 ? 'fatal' : s)) })).toBeUndefined();
    expect(restoreOutcome({ diagnostics: outcome.diagnostics, rulesRun: 42, reads: [] })).toBeUndefined();
  });
});
