import * as owaspModule from '@stoplight/spectral-owasp-ruleset';
import { asyncapi, oas } from '@stoplight/spectral-rulesets';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import type { BuiltInName } from './lint-plan.ts';

/** The rulesets a catalogue's ruleset may extend, by the name it gives them. */
export const builtInRulesets: Record<BuiltInName, RulesetDefinition> = {
  'spectral:oas': oas as RulesetDefinition,
  'spectral:asyncapi': asyncapi as RulesetDefinition,
  owasp: ((owaspModule as { default?: unknown }).default ?? owaspModule) as RulesetDefinition,
};

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
 * and AsyncAPI message example rules say again what `check` already reports at the same line
 * (`example/invalid`), compiling the payload's schema again for every example; the schema-example
 * rules compile a validator for every schema that holds an example: on the benchmark's contracts
 * they were 60 % of lint's time on their own.
 */
export const offUnlessNamed = [
  'oas2-valid-media-example',
  'oas3-valid-media-example',
  'oas2-valid-schema-example',
  'oas3-valid-schema-example',
  'asyncapi-message-examples',
];

/**
 * Built-in rules that judge only the node they match (a schema's own keywords, a description's
 * text, a security scheme's own fields), run on the contract as written rather than with its
 * $refs resolved. Resolved, a schema shared by ten operations is matched ten times and Spectral
 * maps each match back to the one place it is written, then drops the repeats: on the
 * benchmark's contracts, most of lint's time. As written, each place is matched once and the
 * findings are the same. Used only for a contract that refers to no other file: one that does
 * is linted resolved, so its rules still reach the other files.
 */
export const judgedAsWritten = [
  'duplicated-entry-in-enum',
  'no-eval-in-markdown',
  'no-script-tags-in-markdown',
  'typed-enum',
  'oas2-anyOf',
  'oas2-oneOf',
  'oas3_2-no-deprecated-xml-attribute',
  'owasp:api2:2023-no-api-keys-in-url',
  'owasp:api2:2023-no-credentials-in-url',
  'owasp:api2:2023-auth-insecure-schemes',
  'owasp:api3:2023-no-additionalProperties',
  'owasp:api3:2023-constrained-additionalProperties',
  'owasp:api3:2023-no-unevaluatedProperties',
  'owasp:api3:2023-constrained-unevaluatedProperties',
  'owasp:api4:2023-array-limit',
  'owasp:api4:2023-string-limit',
  'owasp:api4:2023-string-restricted',
  'owasp:api4:2023-integer-limit',
  'owasp:api4:2023-integer-limit-legacy',
  'owasp:api4:2023-integer-format',
  'owasp:api8:2023-define-cors-origin',
];
