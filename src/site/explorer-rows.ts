import type { Api, Catalog, Contract } from '../catalog/model.ts';
import { ApiTypeSchema, LifecycleSchema } from '../catalog/schema/api.ts';
import { AudienceSchema } from '../catalog/schema/common.ts';
import { compileSynonyms, wordsOf } from '../search/synonyms.ts';
import { routes } from './urls.ts';
import { domainTrailLabel, viewCatalog } from './views.ts';

/** What a row shows of an API: the pages pass summaries, tests may pass APIs in full. */
type RowApi = Pick<Api, 'id' | 'name' | 'summary' | 'type' | 'lifecycle' | 'audience' | 'domain' | 'owner' | 'consumers'> & {
  contract: Pick<Contract, 'version'>;
};

/** A catalogue as the explorer reads it. */
type RowCatalog = Pick<Catalog, 'domains' | 'services' | 'teams'> & Partial<Pick<Catalog, 'glossary'>> & { apis: readonly RowApi[] };

/** A named thing an explorer row links to: a domain or a team. */
export interface RowLink {
  id: string;
  name: string;
  route: string;
}

/** One API as a row of the explorer table. */
export interface ExplorerRow {
  id: string;
  name: string;
  summary: string;
  route: string;
  type: Api['type'];
  lifecycle: Api['lifecycle'];
  audience: Api['audience'];
  domain: RowLink;
  /** The ids of the API's domain and every domain above it, so filtering by a domain keeps its sub-domains' APIs. */
  domainTrail: string[];
  owner: RowLink;
  /** The contract's own version. */
  version: string;
  consumers: number;
  /** The glossary's terms the API's name says, with their other words: shown as "also known as". */
  alsoKnownAs: { term: string; words: string[] }[];
  /** The glossary's other words for the terms its name or summary says: the text filter finds the API by them too. */
  synonyms: string[];
}

/** A choice of a filter select: the value in the URL and the label a reader sees. */
export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of the explorer's select boxes, limited to what the rows hold. */
export interface ExplorerFacets {
  type: FilterOption[];
  lifecycle: FilterOption[];
  audience: FilterOption[];
  domain: FilterOption[];
}

/** Every API of the catalogue as an explorer row, sorted by name (then id, so equal names keep one order). */
export function explorerRows(catalog: RowCatalog): ExplorerRow[] {
  const view = viewCatalog(catalog);
  const glossary = compileSynonyms(catalog.glossary ?? []);
  const termsIn = (...texts: string[]) => glossary.added(texts.map(wordsOf), 'en').map(({ term, phrases }) => ({ term, words: phrases }));
  return catalog.apis
    .map((api): ExplorerRow => {
      const domain = view.domain(api.domain);
      const team = view.team(api.owner);
      return {
        id: api.id,
        name: api.name,
        summary: api.summary,
        route: routes.api(api.id),
        type: api.type,
        lifecycle: api.lifecycle,
        audience: api.audience,
        domain: { id: api.domain, name: domain?.name ?? api.domain, route: routes.domain(api.domain) },
        domainTrail: domain?.trail ?? [api.domain],
        owner: { id: api.owner, name: team?.name ?? api.owner, route: routes.team(api.owner) },
        version: api.contract.version,
        consumers: api.consumers.length,
        alsoKnownAs: termsIn(api.name),
        synonyms: termsIn(api.name, api.summary).flatMap(({ words }) => words),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
}

/**
 * The filter choices for the rows: types, lifecycles and audiences in the taxonomy's order, and
 * every domain that holds a row (directly or through a sub-domain), labelled with its trail.
 */
export function explorerFacets(catalog: RowCatalog, rows: readonly ExplorerRow[]): ExplorerFacets {
  const view = viewCatalog(catalog);
  const present = (values: readonly string[], key: 'type' | 'lifecycle' | 'audience') =>
    values.filter((value) => rows.some((row) => row[key] === value)).map((value) => ({ value, label: value }));
  const domainIds = new Set(rows.flatMap((row) => row.domainTrail));
  return {
    type: present(ApiTypeSchema.options, 'type'),
    lifecycle: present(LifecycleSchema.options, 'lifecycle'),
    audience: present(AudienceSchema.options, 'audience'),
    domain: [...domainIds].map((id) => ({ value: id, label: domainTrailLabel(view, id) })).sort((a, b) => a.label.localeCompare(b.label, 'en')),
  };
}
