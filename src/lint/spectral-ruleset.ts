import type { RulesetDefinition } from '@stoplight/spectral-core';
import * as functions from '@stoplight/spectral-functions';
import { builtInRulesets, offUnlessNamed, ruleNames, rulesetsFor } from './built-in-rulesets.ts';
import { isDefinition, type BuiltInName, type LintPlan } from './lint-plan.ts';

/** A contract format lint knows. */
export type ContractFormat = keyof typeof rulesetsFor;

/** Spectral's built-in functions, by the name a ruleset calls them. */
export const builtInFunctions = functions as unknown as Record<string, unknown>;

/**
 * The Spectral ruleset for contracts of one format: the format's built-ins as the plan applies
 * them, the plan's changes to their rules, and its own rules with function names made functions.
 * A change to a rule of a built-in that does not apply to the format is left out.
 */
export function spectralRuleset(plan: LintPlan, format: ContractFormat): RulesetDefinition {
  const bases = rulesetsFor[format].filter((name) => plan.modes[name] !== 'off');
  const known = new Set(bases.flatMap(ruleNames));
  const rules: Record<string, unknown> = Object.fromEntries(offUnlessNamed.filter((name) => known.has(name)).map((name) => [name, 'off']));
  for (const [name, entry] of Object.entries(plan.rules)) {
    if (isDefinition(entry)) rules[name] = withFunctions(entry);
    else if (known.has(name)) rules[name] = entry;
  }
  const extendsList = bases.map((name) => [withSharedSchemas(builtInRulesets[name]), plan.modes[name]] as const);
  return { ...(extendsList.length > 0 ? { extends: extendsList } : {}), rules } as unknown as RulesetDefinition;
}

function withFunctions(rule: Record<string, unknown>): Record<string, unknown> {
  const then = (Array.isArray(rule['then']) ? rule['then'] : [rule['then']]) as Record<string, unknown>[];
  return { ...rule, then: then.map((step) => ({ ...step, function: builtInFunctions[String(step['function'])] })) };
}

/**
 * Spectral's `schema` function compiles its schema again for every document: it keeps its
 * compiled schemas per document (per document inventory). The built-in rulesets' own schemas —
 * those of their `schema` steps, the AsyncAPI document schema `asyncapi-schema` checks against,
 * the one `duplicated-entry-in-enum` checks each enum with — are the same objects for every contract, so these functions are given one inventory
 * for the whole run and compile each schema once (they cost more than all the linting else).
 * Schemas taken from a contract (its examples' schemas) go through other functions, per document.
 */
const sharedInventory = {};
type RuleFunction = (input: unknown, options: unknown, context: object) => unknown;
const stepFunction = (ruleset: BuiltInName, rule: string) =>
  stepsOf((builtInRulesets[ruleset] as { rules: Record<string, Record<string, unknown>> }).rules[rule]!)[0]!['function'] as RuleFunction;
const compilingFunctions: RuleFunction[] = [
  builtInFunctions['schema'] as RuleFunction,
  stepFunction('spectral:asyncapi', 'asyncapi-schema'),
  // oasSchema, whose only built-in step is duplicated-entry-in-enum's, with a schema of its own.
  stepFunction('spectral:oas', 'duplicated-entry-in-enum'),
];
const withSharedInventory = new Map(
  compilingFunctions.map((fn) => [
    fn,
    Object.assign((input: unknown, options: unknown, context: object) => fn(input, options, { ...context, documentInventory: sharedInventory }), fn),
  ]),
);
const shared = new WeakMap<object, RulesetDefinition>();

function stepsOf(rule: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(rule['then']) ? (rule['then'] as Record<string, unknown>[]) : [rule['then'] as Record<string, unknown>];
}

function withSharedSchemas(ruleset: RulesetDefinition): RulesetDefinition {
  const known = shared.get(ruleset);
  if (known) return known;
  const definition = ruleset as { rules?: Record<string, unknown> };
  const rules = Object.fromEntries(
    Object.entries(definition.rules ?? {}).map(([name, rule]) => {
      if (!isDefinition(rule)) return [name, rule];
      const then = stepsOf(rule).map((step) => {
        const replaced = withSharedInventory.get(step['function'] as RuleFunction);
        return replaced ? { ...step, function: replaced } : step;
      });
      return [name, { ...rule, then: Array.isArray(rule['then']) ? then : then[0] }];
    }),
  );
  const result = { ...ruleset, rules } as RulesetDefinition;
  shared.set(ruleset, result);
  return result;
}
