import type { Domain, Service, Team } from '../catalog/model.ts';
import type { ApiSummary, SiteCatalog } from './site-data.ts';
import { countByType, domainTrailLabel, viewCatalog } from './views.ts';

/** The APIs of one domain on the API index: the domain named with its trail, its APIs by name. */
export interface ApiGroup {
  domain: Domain;
  label: string;
  apis: { api: ApiSummary; owner: Team | undefined }[];
}

/** Every API of the build under the domain that holds it, domains in the order of their trail's names. */
export function apiIndex(catalog: SiteCatalog): ApiGroup[] {
  const view = viewCatalog(catalog);
  return catalog.domains
    .flatMap((domain) => {
      const apis = view.apisIn(domain.id);
      return apis.length > 0 ? [{ domain, label: domainTrailLabel(view, domain.id), apis: apis.map((api) => ({ api, owner: view.team(api.owner) })) }] : [];
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** A domain of the taxonomy with how many APIs it holds, itself and its sub-domains included, and its sub-domains. */
export interface DomainNode {
  domain: Domain;
  count: number;
  byType: ReturnType<typeof countByType>;
  services: number;
  children: DomainNode[];
}

/** The domain taxonomy, top domains first, each level by name, with the APIs each holds. */
export function domainTree(catalog: SiteCatalog): DomainNode[] {
  const view = viewCatalog(catalog);
  const node = (domain: Domain): DomainNode => {
    const apis = view.apisUnder(domain.id);
    return { domain, count: apis.length, byType: countByType(apis), services: view.services(domain.id).length, children: view.subDomains(domain.id).map(node) };
  };
  return view.topDomains.map(node);
}

/** A team of the directory: who it is, how to reach it, and the APIs it owns. */
export interface TeamEntry {
  team: Team;
  /** A link for its contact: mailto: for an e-mail address, the URL itself for an http(s) one. */
  contactHref: string | undefined;
  apis: ApiSummary[];
}

/** The teams of the build by name, each with the APIs it owns. */
export function teamDirectory(catalog: SiteCatalog): TeamEntry[] {
  const view = viewCatalog(catalog);
  return [...catalog.teams]
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((team) => ({ team, contactHref: contactHref(team.contact), apis: view.apisOwnedBy(team.id) }));
}

/** Where a team's contact links to: mailto: for an e-mail address, an http(s) URL as it is, else nothing (shown as text). */
export function contactHref(contact: string | undefined): string | undefined {
  if (!contact) return undefined;
  if (/^[^@\s]+@[^@\s]+$/.test(contact)) return `mailto:${contact}`;
  return /^https?:\/\/[^\s]+$/.test(contact) ? contact : undefined;
}

/** The services of one domain on the service index. */
export interface ServiceGroup {
  domain: Domain;
  label: string;
  services: { service: Service; owner: Team | undefined; apis: number }[];
}

/** Every business service under its domain, domains in the order of their trail's names, services by name. */
export function serviceIndex(catalog: SiteCatalog): ServiceGroup[] {
  const view = viewCatalog(catalog);
  return catalog.domains
    .flatMap((domain) => {
      const services = view.services(domain.id);
      if (services.length === 0) return [];
      const apis = view.apisIn(domain.id);
      return [
        {
          domain,
          label: domainTrailLabel(view, domain.id),
          services: services.map((service) => ({ service, owner: view.team(service.owner), apis: apis.filter((api) => api.service === service.id).length })),
        },
      ];
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
