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

/**
 * Built-in rules Portolan switches off unless the catalogue's ruleset names them. The media-type
 * example rules say again what `check` already reports at the same line (`example/invalid`), and
 * the schema-example rules compile a validator for every schema that holds an example: on the
 * benchmark's contracts they were 60 % of lint's time on their own.
 */
export const offUnlessNamed = ['oas2-valid-media-example', 'oas3-valid-media-example', 'oas2-valid-schema-example', 'oas3-valid-schema-example'];
