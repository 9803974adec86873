import type { Diagnostic } from '../catalog/diagnostics.ts';
import type { LintSummary, WaiverStatus } from '../governance/figures.ts';
import type { Waiver } from './waivers.ts';

/** One API's figures for the scorecard: its findings after waivers, by rule. */
export function lintSummary(apiId: string, rulesRun: number, diagnostics: readonly Diagnostic[], waivers: readonly Waiver[]): LintSummary {
  const failing = new Set<string>();
  const waived = new Set<string>();
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (!d.code.startsWith('lint/')) continue;
    if (d.waived) waived.add(d.code);
    else {
      failing.add(d.code);
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  const statuses: WaiverStatus[] = waivers
    .filter((w) => w.apiId === apiId)
    .map(({ apiId: id, rule, reason, approvedBy, until, expired }) => ({ apiId: id, rule, reason, approvedBy, until, expired }));
  return {
    apiId,
    rulesRun,
    rulesFailed: [...failing].sort(),
    rulesWaived: [...waived].filter((code) => !failing.has(code)).sort(),
    errors,
    warnings,
    waivers: statuses,
  };
}
