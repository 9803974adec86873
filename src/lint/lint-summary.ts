import type { Diagnostic } from '../catalog/diagnostics.ts';
import type { LintSummary, WaiverStatus } from '../governance/figures.ts';
import type { Waiver } from './waivers.ts';

/** One API's figures for the scorecard: its findings after waivers, by rule. */
export function lintSummary(apiId: string, rulesRun: number, diagnostics: readonly Diagnostic[], waivers: readonly Waiver[]): LintSummary {
  const findings = diagnostics.filter((d) => d.code.startsWith('lint/'));
  const failing = new Set(findings.filter((d) => !d.waived).map((d) => d.code));
  const waived = new Set(findings.filter((d) => d.waived).map((d) => d.code));
  const statuses: WaiverStatus[] = waivers
    .filter((w) => w.apiId === apiId)
    .map(({ apiId: id, rule, reason, approvedBy, until, expired }) => ({ apiId: id, rule, reason, approvedBy, until, expired }));
  return {
    apiId,
    rulesRun,
    rulesFailed: [...failing].sort(),
    rulesWaived: [...waived].filter((code) => !failing.has(code)).sort(),
    errors: findings.filter((d) => !d.waived && d.severity === 'error').length,
    warnings: findings.filter((d) => !d.waived && d.severity === 'warning').length,
    waivers: statuses,
  };
}
