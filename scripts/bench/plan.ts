import { createRng, type Rng } from './prng.ts';
import { toTitle } from './text.ts';
import { API_SUFFIXES, APPLICATIONS, DOMAINS, ENTITIES, FIRST_NAMES, LAST_NAMES, SERVICE_SUFFIXES } from './vocabulary.ts';

/** Who may see an API. */
export type Audience = 'public' | 'partner' | 'internal';
/** What an API is for. */
export type ApiType = 'data' | 'process' | 'experience' | 'event';
/** Where an API is in its life. */
export type Lifecycle = 'design' | 'beta' | 'stable' | 'deprecated' | 'retired';

/** An owning team of teams.yaml. */
export interface TeamPlan {
  id: string;
  name: string;
  productOwner: string;
  contact: string;
}
/** A domain folder; `path` is relative to the catalogue root. */
export interface DomainPlan {
  id: string;
  path: string;
  parentId?: string;
  ownerId?: string;
  framework: boolean;
}
/** A service folder inside a domain. */
export interface ServicePlan {
  id: string;
  path: string;
  entity: string;
  ownerId: string;
}
/** One API folder and everything its api.yaml and contract will say. */
export interface ApiPlan {
  id: string;
  index: number;
  path: string;
  kind: 'openapi' | 'asyncapi';
  type: ApiType;
  lifecycle: Lifecycle;
  audience: Audience;
  ownerId: string;
  /** The main entity first, then two related ones; each becomes a resource or event family. */
  entities: string[];
  consumers: string[];
  dependsOn: string[];
  replacedBy?: string;
  hasDocs: boolean;
  /** Marks one operation and some properties `x-internal: true`. */
  hasInternalParts: boolean;
}
/** The whole synthetic catalogue, before any file is written. */
export interface CatalogPlan {
  teams: TeamPlan[];
  domains: DomainPlan[];
  services: ServicePlan[];
  apis: ApiPlan[];
}

const SUB_DOMAIN_QUALIFIERS = ['digital', 'core', 'b2b', 'operations'] as const;

/** Returns a function that makes identifiers unique across the catalogue by adding `-2`, `-3`… */
function createIdRegistry(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

function planTeams(rng: Rng, count: number, uniqueId: (base: string) => string): TeamPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const id = uniqueId(`${DOMAINS[i % DOMAINS.length] as string}-team`);
    return {
      id,
      name: `${toTitle(id.replace(/-team(-\d+)?$/, ''))} team${/-\d+$/.test(id) ? ` ${id.split('-').pop() as string}` : ''}`,
      productOwner: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      contact: `${id}@example.com`,
    };
  });
}

function planDomains(rng: Rng, count: number, teams: TeamPlan[], uniqueId: (base: string) => string): DomainPlan[] {
  const topCount = Math.max(1, count - Math.floor((count + 1) / 3));
  const top: DomainPlan[] = Array.from({ length: topCount }, (_, i) => {
    const id = uniqueId(DOMAINS[i % DOMAINS.length] as string);
    const owner = rng.chance(0.5) ? rng.pick(teams).id : undefined;
    return { id, path: id, framework: rng.chance(0.3), ...(owner ? { ownerId: owner } : {}) };
  });
  const subs: DomainPlan[] = Array.from({ length: count - topCount }, (_, i) => {
    const parent = top[i % top.length] as DomainPlan;
    const id = uniqueId(`${parent.id}-${rng.pick(SUB_DOMAIN_QUALIFIERS)}`);
    return { id, path: `${parent.path}/${id}`, parentId: parent.id, framework: false };
  });
  return [...top, ...subs];
}

function planServices(rng: Rng, count: number, domains: DomainPlan[], teams: TeamPlan[], uniqueId: (base: string) => string): ServicePlan[] {
  return Array.from({ length: count }, (_, i) => {
    const domain = domains[i % domains.length] as DomainPlan;
    const entity = rng.pick(ENTITIES);
    const id = uniqueId(`${entity}-${rng.pick(SERVICE_SUFFIXES)}`);
    return { id, path: `${domain.path}/${id}`, entity, ownerId: domain.ownerId ?? rng.pick(teams).id };
  });
}

function planApi(rng: Rng, index: number, parentPath: string, preferred: string, teams: TeamPlan[], uniqueId: (base: string) => string): ApiPlan {
  const kind = index % 4 === 3 ? 'asyncapi' : 'openapi';
  const entity = rng.chance(0.5) ? preferred : rng.pick(ENTITIES);
  const related = rng.sample(
    ENTITIES.filter((e) => e !== entity),
    2,
  );
  const suffix = kind === 'asyncapi' ? 'events' : rng.pick(API_SUFFIXES.filter((s) => s !== 'events'));
  const id = uniqueId(`${entity}-${suffix}`);
  return {
    id,
    index,
    path: `${parentPath}/${id}`,
    kind,
    type: kind === 'asyncapi' ? 'event' : rng.weighted({ data: 5, process: 3, experience: 2 }),
    lifecycle: rng.weighted({ stable: 55, beta: 15, design: 10, deprecated: 15, retired: 5 }),
    audience: rng.weighted({ public: 40, partner: 30, internal: 30 }),
    ownerId: rng.pick(teams).id,
    entities: [entity, ...related],
    consumers: [],
    dependsOn: [],
    hasDocs: index % 5 === 0,
    hasInternalParts: kind === 'openapi' && index % 4 === 1,
  };
}

/** Adds consumers, dependsOn and replacedBy, naming only APIs that exist. */
function linkApis(rng: Rng, apis: ApiPlan[]): void {
  const ids = apis.map((a) => a.id);
  const successors = apis.filter((a) => a.lifecycle === 'stable').map((a) => a.id);
  for (const api of apis) {
    const others = ids.filter((id) => id !== api.id);
    if (others.length === 0) continue;
    api.dependsOn = rng.sample(others, rng.int(0, 2));
    api.consumers = [...rng.sample(others, rng.int(0, 2)), ...rng.sample(APPLICATIONS, rng.int(0, 1))];
    const replacements = successors.filter((id) => id !== api.id);
    // A deprecated API names its successor (rule/deprecation-successor).
    if (api.lifecycle === 'deprecated' && replacements.length > 0) api.replacedBy = rng.pick(replacements);
  }
}

/** Plans a catalogue of `apiCount` APIs: about N/20 teams, N/25 domains (a third nested one level), N/8 services. */
export function planCatalog(apiCount: number): CatalogPlan {
  const rng = createRng(`portolan-bench-plan-${apiCount}`);
  const uniqueId = createIdRegistry();
  const teams = planTeams(rng, Math.max(1, Math.round(apiCount / 20)), uniqueId);
  const domains = planDomains(rng, Math.max(2, Math.round(apiCount / 25)), teams, uniqueId);
  const services = planServices(rng, Math.max(2, Math.round(apiCount / 8)), domains, teams, uniqueId);
  const apis: ApiPlan[] = [];
  for (let i = 0; i < apiCount; i++) {
    const inService = rng.chance(0.8);
    const parent = inService ? rng.pick(services) : rng.pick(domains);
    const preferred = inService ? (parent as ServicePlan).entity : rng.pick(ENTITIES);
    apis.push(planApi(rng, i, parent.path, preferred, teams, uniqueId));
  }
  linkApis(rng, apis);
  return { teams, domains, services, apis };
}
