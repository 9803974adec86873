import type { BuiltInName } from './built-in-rulesets.ts';

/** How a built-in ruleset is applied: its recommended rules, all of them, or none. */
export type ExtendMode = 'recommended' | 'all' | 'off';

/**
 * What the catalogue's ruleset asks for, checked and as plain data: it crosses to the worker
 * threads and into the cache key, and each worker turns it back into a Spectral ruleset.
 */
export interface LintPlan {
  modes: Record<BuiltInName, ExtendMode>;
  /** rules: of ruleset.yaml as written: severities of built-in rules, and new rules naming built-in functions. */
  rules: Record<string, unknown>;
  /** The rules the catalogue's ruleset sets to error: only their findings fail. */
  errorRules: string[];
}

/** The plan when the catalogue has no ruleset: every built-in's recommended rules, none failing. */
export const defaultPlan: LintPlan = {
  modes: { 'spectral:oas': 'recommended', 'spectral:asyncapi': 'recommended', owasp: 'recommended' },
  rules: {},
  errorRules: [],
};
