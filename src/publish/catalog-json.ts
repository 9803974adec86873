import type { Api, Catalog, Domain, Service, Team } from '../catalog/model.ts';
import { downloadsOf } from './downloads.ts';
import { hasTryIt } from '../site/try-it.ts';
import { linkTo, routes, type SiteLocation } from '../site/urls.ts';
import { viewCatalog, type CatalogView } from '../site/views.ts';

/**
 * The audience-filtered catalogue without contracts, for tools: the portal, then every API, domain,
 * team and service sorted by id. Every key is always present (null or empty when there is
 * nothing), in one order, and nothing depends on the time of the build.
 */
export function describeCatalog(catalog: Catalog, location: SiteLocation) {
  const view = viewCatalog(catalog);
  return {
    portal: {
      title: catalog.portal.title,
      organisation: catalog.portal.organisation ?? null,
      audience: catalog.portal.audience,
      home: linkTo(location, routes.home()),
    },
    apis: byId(catalog.apis).map((api) => describeApi(api, view, location)),
    domains: byId(catalog.domains).map(describeDomain),
    teams: byId(catalog.teams).map(describeTeam),
    services: byId(catalog.services).map((service) => describeService(service, view)),
  };
}

/** `/catalog.json`'s text: two-space indents and a final newline. */
export function formatCatalogJson(catalog: Catalog, location: SiteLocation): string {
  return `${JSON.stringify(describeCatalog(catalog, location), null, 2)}\n`;
}

function describeApi(api: Api, view: CatalogView<Api>, location: SiteLocation) {
  const service = api.service ? view.service(api.service) : undefined;
  const link = (route: string) => linkTo(location, route);
  return {
    id: api.id,
    name: api.name,
    summary: api.summary,
    type: api.type,
    lifecycle: api.lifecycle,
    audience: api.audience,
    version: api.contract.version,
    format: api.contract.format,
    domain: { id: api.domain, name: view.domain(api.domain)?.name ?? api.domain },
    service: service ? { id: service.id, name: service.name } : null,
    owner: { id: api.owner, name: view.team(api.owner)?.name ?? api.owner },
    tags: api.tags ?? [],
    standards: (api.standards ?? []).map((s) => ({ framework: s.framework, id: s.id, name: s.name ?? null, url: s.url ?? null })),
    consumers: {
      count: api.consumers.length,
      apis: api.consumers.flatMap((c) => (c.kind === 'api' ? [c.id] : [])),
      applications: api.consumers.flatMap((c) => (c.kind === 'app' ? [c.name] : [])),
    },
    dependsOn: api.dependsOn,
    deprecation: api.deprecation ? { sunset: api.deprecation.sunset, replacedBy: api.deprecation.replacedBy ?? null } : null,
    replaces: api.replaces ?? null,
    operations: api.contract.operations.length,
    links: {
      page: link(routes.api(api.id)),
      reference: hasTryIt(api) ? link(routes.reference(api.id)) : null,
      downloads: Object.fromEntries(downloadsOf(api).map(({ format, route }) => [format, link(route)])),
    },
  };
}

function describeDomain(domain: Domain) {
  return { id: domain.id, name: domain.name, summary: domain.summary ?? null, parent: domain.parent ?? null };
}

function describeTeam(team: Team) {
  return { id: team.id, name: team.name, contact: team.contact ?? null };
}

/** A service's owner is named only when the build holds that team (it may own no API of this audience). */
function describeService(service: Service, view: CatalogView<Api>) {
  return {
    id: service.id,
    name: service.name,
    summary: service.summary ?? null,
    domain: service.domain,
    owner: view.team(service.owner) ? service.owner : null,
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
