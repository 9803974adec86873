/** The rulesets a catalogue's ruleset may extend, by the name it gives them (built-in-rulesets.ts holds them). */
export const builtInNames = ['spectral:oas', 'spectral:asyncapi', 'owasp'] as const;

/** The name of a built-in ruleset. */
export type BuiltInName = (typeof builtInNames)[number];

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

/** Whether a rule entry defines a rule (it has `then`) rather than changing a built-in one. */
export function isDefinition(entry: unknown): entry is Record<string, unknown> {
  return typeof entry === 'object' && entry !== null && 'then' in entry;
}
