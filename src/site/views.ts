import type { Api, Catalog, Domain, Service, Team } from '../catalog/model.ts';
import type { ApiSummary } from './site-data.ts';
import { routes } from './urls.ts';

/** A breadcrumb: a label and the route it links to. */
export interface Crumb {
  label: string;
  to: string;
}

/** What the look-ups need of an API: the pipeline passes APIs in full, the pages their summaries. */
type ApiLike = Pick<Api, 'id' | 'name' | 'domain' | 'owner'>;

/** A catalogue whose APIs are of type A. */
type CatalogOf<A extends ApiLike> = Pick<Catalog, 'domains' | 'services' | 'teams'> & { apis: readonly A[] };

/** Ready-made look-ups over the catalogue for the pages. */
export interface CatalogView<A extends ApiLike = ApiSummary> {
  topDomains: Domain[];
  domain(id: string): Domain | undefined;
  subDomains(id: string): Domain[];
  services(domainId: string): Service[];
  service(id: string): Service | undefined;
  /** APIs directly in a domain (including its services), not in sub-domains. */
  apisIn(domainId: string): A[];
  /** APIs in a domain and all its sub-domains. */
  apisUnder(domainId: string): A[];
  api(id: string): A | undefined;
  team(id: string | undefined): Team | undefined;
  /** APIs a team owns, by name. */
  apisOwnedBy(teamId: string): A[];
  /** The domain index, then each domain of the trail down to `domainId` (itself included unless `leaf` is false). */
  crumbs(domainId: string | undefined, leaf?: boolean): Crumb[];
}

// Every page asks for the same catalogue's view; build it once per catalogue object.
const views = new WeakMap<object, CatalogView<ApiLike>>();

/** The look-ups over a catalogue, built once per catalogue and shared by every page. */
export function viewCatalog<A extends ApiLike>(catalog: CatalogOf<A>): CatalogView<A> {
  let view = views.get(catalog) as CatalogView<A> | undefined;
  if (!view) {
    view = buildView(catalog);
    views.set(catalog, view);
  }
  return view;
}

function buildView<A extends ApiLike>(catalog: CatalogOf<A>): CatalogView<A> {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'en');
  const group = <T, K>(items: readonly T[], keys: (item: T) => readonly K[]) => {
    const map = new Map<K, T[]>();
    for (const item of items) for (const key of keys(item)) map.set(key, [...(map.get(key) ?? []), item]);
    return map;
  };
  const apis = [...catalog.apis].sort(byName);
  const domains = new Map(catalog.domains.map((d) => [d.id, d]));
  const apisIn = group(apis, (a) => [a.domain]);
  const apisUnder = group(apis, (a) => domains.get(a.domain)?.trail ?? []);
  const subDomains = group([...catalog.domains].sort(byName), (d) => (d.parent ? [d.parent] : []));
  const services = group([...catalog.services].sort(byName), (s) => [s.domain]);
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const apiById = byId(apis);
  const serviceById = byId(catalog.services);
  const teamById = byId(catalog.teams);
  const apisOwned = group(apis, (a) => [a.owner]);
  return {
    topDomains: catalog.domains.filter((d) => !d.parent).sort(byName),
    domain: (id) => domains.get(id),
    subDomains: (id) => subDomains.get(id) ?? [],
    services: (domainId) => services.get(domainId) ?? [],
    service: (id) => serviceById.get(id),
    apisIn: (domainId) => apisIn.get(domainId) ?? [],
    apisUnder: (domainId) => apisUnder.get(domainId) ?? [],
    api: (id) => apiById.get(id),
    team: (id) => (id ? teamById.get(id) : undefined),
    apisOwnedBy: (teamId) => apisOwned.get(teamId) ?? [],
    crumbs: (domainId, leaf = true) => {
      const trail = (domainId ? domains.get(domainId)?.trail : undefined) ?? [];
      return [
        { label: 'Domains', to: routes.domainIndex() },
        ...(leaf ? trail : trail.slice(0, -1)).map((id) => ({ label: domains.get(id)?.name ?? id, to: routes.domain(id) })),
      ];
    },
  };
}

/** Counts APIs by type, in the order the taxonomy lists them. */
export function countByType(apis: readonly Pick<Api, 'type'>[]): { type: Api['type']; count: number }[] {
  const types: Api['type'][] = ['data', 'process', 'experience', 'event'];
  return types.map((type) => ({ type, count: apis.filter((a) => a.type === type).length })).filter((t) => t.count > 0);
}

/** A domain named with the domains above it, outermost first: "Ordering › Fulfilment". */
export function domainTrailLabel(view: CatalogView<ApiLike>, domainId: string): string {
  return (view.domain(domainId)?.trail ?? [domainId]).map((id) => view.domain(id)?.name ?? id).join(' › ');
}
