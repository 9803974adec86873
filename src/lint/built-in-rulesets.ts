import * as owaspModule from '@stoplight/spectral-owasp-ruleset';
import { asyncapi, oas } from '@stoplight/spectral-rulesets';
import type { RulesetDefinition } from '@stoplight/spectral-core';

/** The rulesets a catalogue's ruleset may extend, by the name it gives them. */
export const builtInRulesets = {
  'spectral:oas': oas as RulesetDefinition,
  'spectral:asyncapi': asyncapi as RulesetDefinition,
  owasp: ((owaspModule as { default?: unknown }).default ?? owaspModule) as RulesetDefinition,
} as const;

/** The name of a built-in ruleset. */
export type BuiltInName = keyof typeof builtInRulesets;

/** The built-ins that apply to each contract format. */
export const rulesetsFor = {
  openapi: ['spectral:oas', 'owasp'],
  asyncapi: ['spectral:asyncapi'],
} as const satisfies Record<string, readonly BuiltInName[]>;

/** The rule names of a built-in ruleset. */
export function ruleNames(name: BuiltInName): string[] {
  const rules = (builtInRulesets[name] as { rules?: Record<string, unknown> }).rules ?? {};
  return Object.keys(rules);
}
