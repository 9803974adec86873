import type { Api, Catalog, Domain, Operation, Service, Team } from '../catalog/model.ts';

/** Ready-made look-ups over the catalogue for the pages. */
export interface CatalogView {
  topDomains: Domain[];
  domain(id: string): Domain | undefined;
  subDomains(id: string): Domain[];
  services(domainId: string): Service[];
  service(id: string): Service | undefined;
  /** APIs directly in a domain (including its services), not in sub-domains. */
  apisIn(domainId: string): Api[];
  /** APIs in a domain and all its sub-domains. */
  apisUnder(domainId: string): Api[];
  api(id: string): Api | undefined;
  team(id: string | undefined): Team | undefined;
}

/** Builds the look-ups once per build. */
export function viewCatalog(catalog: Catalog): CatalogView {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const apis = [...catalog.apis].sort(byName);
  const domains = new Map(catalog.domains.map((d) => [d.id, d]));
  return {
    topDomains: catalog.domains.filter((d) => !d.parent).sort(byName),
    domain: (id) => domains.get(id),
    subDomains: (id) => catalog.domains.filter((d) => d.parent === id).sort(byName),
    services: (domainId) => catalog.services.filter((s) => s.domain === domainId).sort(byName),
    service: (id) => catalog.services.find((s) => s.id === id),
    apisIn: (domainId) => apis.filter((a) => a.domain === domainId),
    apisUnder: (domainId) => apis.filter((a) => domains.get(a.domain)?.trail.includes(domainId)),
    api: (id) => apis.find((a) => a.id === id),
    team: (id) => catalog.teams.find((t) => t.id === id),
  };
}

/** Counts APIs by type, in the order the taxonomy lists them. */
export function countByType(apis: readonly Api[]): { type: Api['type']; count: number }[] {
  const types: Api['type'][] = ['data', 'process', 'experience', 'event'];
  return types.map((type) => ({ type, count: apis.filter((a) => a.type === type).length })).filter((t) => t.count > 0);
}

/** A one-line title of an operation: "GET /customers/{id}" or "send customer.created". */
export function operationTitle(op: Operation): string {
  return op.kind === 'http' ? `${op.method} ${op.path}` : `${op.kind} ${op.channel ?? ''}`.trim();
}
