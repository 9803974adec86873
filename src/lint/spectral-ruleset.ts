import type { RulesetDefinition } from '@stoplight/spectral-core';
import * as functions from '@stoplight/spectral-functions';
import { builtInRulesets, ruleNames, rulesetsFor } from './built-in-rulesets.ts';
import type { LintPlan } from './lint-plan.ts';

/** A contract format lint knows. */
export type ContractFormat = keyof typeof rulesetsFor;

/** Spectral's built-in functions, by the name a ruleset calls them. */
export const builtInFunctions = functions as unknown as Record<string, unknown>;

/** Whether a rule entry defines a rule (it has `then`) rather than changing a built-in one. */
export function isDefinition(entry: unknown): entry is Record<string, unknown> {
  return typeof entry === 'object' && entry !== null && 'then' in entry;
}

/**
 * The Spectral ruleset for contracts of one format: the format's built-ins as the plan applies
 * them, the plan's changes to their rules, and its own rules with function names made functions.
 * A change to a rule of a built-in that does not apply to the format is left out.
 */
export function spectralRuleset(plan: LintPlan, format: ContractFormat): RulesetDefinition {
  const bases = rulesetsFor[format].filter((name) => plan.modes[name] !== 'off');
  const known = new Set(bases.flatMap(ruleNames));
  const rules: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(plan.rules)) {
    if (isDefinition(entry)) rules[name] = withFunctions(entry);
    else if (known.has(name)) rules[name] = entry;
  }
  const extendsList = bases.map((name) => [builtInRulesets[name], plan.modes[name]] as const);
  return { ...(extendsList.length > 0 ? { extends: extendsList } : {}), rules } as unknown as RulesetDefinition;
}

function withFunctions(rule: Record<string, unknown>): Record<string, unknown> {
  const then = (Array.isArray(rule['then']) ? rule['then'] : [rule['then']]) as Record<string, unknown>[];
  return { ...rule, then: then.map((step) => ({ ...step, function: builtInFunctions[String(step['function'])] })) };
}
