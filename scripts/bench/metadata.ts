import type { JsonObject } from './json.ts';
import type { ApiPlan, CatalogPlan, DomainPlan, ServicePlan } from './plan.ts';
import { createRng } from './prng.ts';
import { paragraph, toTitle } from './text.ts';

const SENSITIVITIES = ['public', 'internal', 'confidential', 'personal'] as const;
const TMF = [
  ['TMF629', 'Customer Management'],
  ['TMF622', 'Product Ordering'],
  ['TMF678', 'Customer Bill Management'],
  ['TMF632', 'Party Management'],
  ['TMF620', 'Product Catalog Management'],
] as const;

/** The content of portal.yaml; the audience is internal so that a build holds every API. */
export function portalYaml(): JsonObject {
  return {
    title: 'Acme Developer Portal (benchmark)',
    organisation: 'Acme Telecom',
    repository: 'https://git.example.com/acme/api-catalogue',
    branch: 'main',
    audience: 'internal',
    limits: { maxFileMB: 25 },
  };
}

/** The content of teams.yaml. */
export function teamsYaml(plan: CatalogPlan): JsonObject {
  const teams: JsonObject = {};
  for (const t of plan.teams) teams[t.id] = { name: t.name, productOwner: t.productOwner, contact: t.contact };
  return teams;
}

/** The content of a domain.yaml. */
export function domainYaml(domain: DomainPlan): JsonObject {
  const rng = createRng(`domain-${domain.id}`);
  return {
    name: toTitle(domain.id),
    summary: `Everything about ${domain.id.replace(/-/g, ' ')}.`,
    description: `${paragraph(rng, domain.id, 2)}\n\n- ${paragraph(rng, domain.id, 1)}\n- ${paragraph(rng, domain.id, 1)}\n`,
    ...(domain.ownerId ? { owner: domain.ownerId } : {}),
    ...(domain.framework ? { framework: { name: 'TM Forum ODA', ref: toTitle(domain.id) } } : {}),
  };
}

/** The content of a service.yaml. */
export function serviceYaml(service: ServicePlan): JsonObject {
  const rng = createRng(`service-${service.id}`);
  return {
    name: toTitle(service.id),
    summary: `Business service for ${service.entity.replace(/-/g, ' ')} ${service.id.split('-').pop() as string}.`,
    description: paragraph(rng, service.entity, 2),
    owner: service.ownerId,
  };
}

/** The display name of an API: `customer-query-api` → `Customer query API`. */
export function apiName(api: ApiPlan): string {
  return toTitle(api.id).replace(/\bapi\b/, 'API');
}

/** The content of an api.yaml, with every required field and most optional ones. */
export function apiYaml(api: ApiPlan, contractFile: string): JsonObject {
  const rng = createRng(`api-${api.id}`);
  const [entity, ...related] = api.entities as [string, ...string[]];
  const tmf = TMF[api.index % TMF.length] as (typeof TMF)[number];
  return {
    name: apiName(api),
    summary: `${api.kind === 'asyncapi' ? 'Events about' : 'Create, read and update'} ${entity.replace(/-/g, ' ')} records and their ${related.map((e) => e.replace(/-/g, ' ')).join(' and ')}.`,
    type: api.type,
    lifecycle: api.lifecycle,
    audience: api.audience,
    owner: api.ownerId,
    contract: contractFile,
    ...(api.index % 3 === 0 ? { standards: [{ framework: 'TM Forum', id: tmf[0], name: tmf[1] }] } : {}),
    business: {
      purpose: paragraph(rng, entity, 3),
      triggers: paragraph(rng, entity, 1),
      data: api.entities.map((e, i) => ({ entity: toTitle(e), sensitivity: SENSITIVITIES[(api.index + i) % SENSITIVITIES.length] as string })),
      rules: `- ${paragraph(rng, entity, 1)}\n- ${paragraph(rng, entity, 1)}\n`,
      policy: paragraph(rng, entity, 1),
    },
    sla: {
      availability: api.index % 2 === 0 ? '99.9%' : '99.5%',
      rateLimit: `${10 * (1 + (api.index % 10))} requests/s per client`,
      support: 'Mon-Fri 8:00-18:00 CET',
    },
    ...(api.kind === 'openapi' && api.index % 2 === 0
      ? {
          environments: [
            { name: 'Sandbox', url: `https://sandbox.api.example.com/${api.id}/v1` },
            { name: 'Production', url: `https://api.example.com/${api.id}/v1` },
          ],
        }
      : {}),
    ...(api.consumers.length > 0 ? { consumers: api.consumers } : {}),
    ...(api.dependsOn.length > 0 ? { dependsOn: api.dependsOn } : {}),
    tags: [entity, api.kind === 'asyncapi' ? 'events' : 'rest'],
    ...(api.lifecycle === 'deprecated' ? { deprecation: { sunset: '2027-06-30', ...(api.replacedBy ? { replacedBy: api.replacedBy } : {}) } } : {}),
  };
}

/** The Markdown of an extra business page. */
export function docsPage(api: ApiPlan): string {
  const rng = createRng(`docs-${api.id}`);
  const entity = api.entities[0] as string;
  return `# Getting started with ${apiName(api)}\n\n${paragraph(rng, entity, 3)}\n\n## Steps\n\n1. ${paragraph(rng, entity, 1)}\n2. ${paragraph(rng, entity, 1)}\n\n| Field | Meaning |\n|---|---|\n| id | ${paragraph(rng, entity, 1)} |\n| status | ${paragraph(rng, entity, 1)} |\n`;
}
