import type { Diagnostic } from '../diagnostics.ts';
import type { PortalConfig } from '../schema/portal.ts';
import type { BusinessRule, RuleContext } from './business-rule.ts';
import { dataPolicy } from './data-policy.ts';
import { deprecationSuccessor } from './deprecation-successor.ts';
import { duplicateApi } from './duplicate-api.ts';
import { productOwner } from './product-owner.ts';
import { serviceOwner } from './service-owner.ts';
import { singleMaster } from './single-master.ts';
import { sandbox } from './sandbox.ts';
import { stableKoExample } from './stable-ko-example.ts';

/** The business rules, in the order they run. */
export const businessRules: readonly BusinessRule[] = [dataPolicy, sandbox, deprecationSuccessor, stableKoExample, productOwner, singleMaster, duplicateApi, serviceOwner];

const place = (d: Diagnostic) => `${d.file}\0${d.line}\0${d.column}`;

/**
 * Adds the business rules' findings to what the earlier stages found, each at the severity
 * portal.yaml's `rules:` gives it (else its default); a rule set to `off` is not run.
 */
export function applyBusinessRules(context: Omit<RuleContext, 'diagnostics'>, found: readonly Diagnostic[], severities: PortalConfig['rules']): Diagnostic[] {
  let all = [...found];
  for (const rule of businessRules) {
    const severity = severities?.[rule.code] ?? rule.severity;
    if (severity === 'off') continue;
    const findings = rule.check({ ...context, diagnostics: all });
    if (rule.supersedes) {
      const restated = new Set(findings.map(place));
      all = all.filter((d) => d.code !== rule.supersedes || !restated.has(place(d)));
    }
    all.push(...findings.map((d) => ({ ...d, severity })));
  }
  return all;
}
