import type { Api } from '../catalog/model.ts';
import type { CatalogView } from '../site/views.ts';

/** What a search result of an API (its page, its docs, its operations) carries besides its text. */
export interface SearchFacets {
  /** Shown in a result: the API's name, its own domain, its type and lifecycle. */
  meta: Record<string, string>;
  /** Narrow the results: type, lifecycle, audience, every domain of its trail, owner team, standards, tags. */
  filters: Record<string, string[]>;
}

/** The kinds of page a result can be, so a reader sees what they would open. */
export type SearchKind = 'api' | 'operations' | 'doc' | 'guide' | 'domain' | 'service' | 'team';

/** The meta and filters every search record of `api` carries. */
export function searchFacetsOf(api: Api, view: CatalogView): SearchFacets {
  const domains = (view.domain(api.domain)?.trail ?? []).map((id) => view.domain(id)?.name ?? id);
  const owner = view.team(api.owner)?.name ?? api.owner;
  const filters: Record<string, string[]> = {
    type: [api.type],
    lifecycle: [api.lifecycle],
    audience: [api.audience],
    domain: domains,
    owner: [owner],
  };
  if (api.standards?.length) filters['standard'] = api.standards.map((s) => s.id);
  if (api.tags?.length) filters['tag'] = api.tags;
  return {
    meta: { api: api.name, domain: view.domain(api.domain)?.name ?? api.domain, type: api.type, lifecycle: api.lifecycle },
    filters,
  };
}
