import type { Api } from '../catalog/model.ts';
import type { ApiConfig } from '../catalog/schema/api.ts';

/** What the catalogue-only figures need of one API, whether read from today's model or from an api.yaml at an old commit. */
export interface KpiApi {
  id: string;
  /** The domains it sits under, outermost first: it counts in each. */
  trail: string[];
  type: ApiConfig['type'];
  lifecycle: ApiConfig['lifecycle'];
  audience: ApiConfig['audience'];
  /** Its declared consumers by name (an API consumer by its id). */
  consumers: string[];
  dependsOn: string[];
  replaces?: string;
  replacedBy?: string;
  sunset?: string;
  /** The business fields it fills, of those `documentationFields` names. */
  documented: number;
}

/** The business fields documentation completeness counts: purpose, triggers, data, rules and policy. */
export const documentationFields = ['purpose', 'triggers', 'data', 'rules', 'policy'] as const;

function documentedFields(business: ApiConfig['business']): number {
  return documentationFields.filter((field) => {
    const value = business[field];
    return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
  }).length;
}

/** An api.yaml as validated, at its place in the domain tree. */
export function kpiApiOf(id: string, trail: string[], config: ApiConfig): KpiApi {
  return {
    id,
    trail,
    type: config.type,
    lifecycle: config.lifecycle,
    audience: config.audience,
    consumers: (config.consumers ?? []).map((consumer) => (typeof consumer === 'string' ? consumer : consumer.name)),
    dependsOn: config.dependsOn ?? [],
    ...(config.replaces ? { replaces: config.replaces } : {}),
    ...(config.deprecation?.replacedBy ? { replacedBy: config.deprecation.replacedBy } : {}),
    ...(config.deprecation?.sunset ? { sunset: config.deprecation.sunset } : {}),
    documented: documentedFields(config.business),
  };
}

/** An API of the normalised catalogue, its domain's trail given. */
export function kpiApiOfModel(api: Api, trail: string[]): KpiApi {
  return {
    id: api.id,
    trail,
    type: api.type,
    lifecycle: api.lifecycle,
    audience: api.audience,
    consumers: api.consumers.map((consumer) => (consumer.kind === 'api' ? consumer.id : consumer.name)),
    dependsOn: api.dependsOn,
    ...(api.replaces ? { replaces: api.replaces } : {}),
    ...(api.deprecation?.replacedBy ? { replacedBy: api.deprecation.replacedBy } : {}),
    ...(api.deprecation?.sunset ? { sunset: api.deprecation.sunset } : {}),
    documented: documentedFields(api.business),
  };
}
