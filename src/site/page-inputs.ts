import type { Api, Catalog } from '../catalog/model.ts';
import type { KpiReport } from '../kpi/kpi-report.ts';
import { apiGovernance } from '../governance/api-governance.ts';
import type { LintSummary } from '../governance/figures.ts';
import { groupOperations, splitsOperations } from './operation-pages.ts';
import type { ApiDetail, ApiSummary, HomeContent, RecentUpdates, SiteData, SourceInfo } from './site-data.ts';
import { hasTryIt } from './try-it.ts';

/** What the render reads, split by who reads it: every page, one API's pages, the home page. */
export interface PageInputs {
  site: SiteData;
  details: ApiDetail[];
  recent: RecentUpdates;
  /** The KPI pages' figures: internal builds only. */
  kpis?: KpiReport;
}

/** How many recently updated APIs the home page lists. */
const recentShown = 6;

/**
 * Splits the audience's catalogue (without documents) into what the pages read. An API's page
 * reads its own ApiDetail; every other page reads only the summaries, so the render of one API
 * depends on its own detail and the site data, never on another API's contract.
 */
export function pageInputs(catalog: Catalog, home: HomeContent, sources: Record<string, SourceInfo>, lint?: ReadonlyMap<string, LintSummary>): PageInputs {
  const apiFiles = (api: Api) => [api.source.file, ...api.docs.map((doc) => doc.source.file)];
  const own = new Set(catalog.apis.flatMap(apiFiles));
  const governance = apiGovernance(catalog, lint);
  const shared = Object.fromEntries(Object.entries(sources).filter(([file]) => !own.has(file)));
  return {
    // The usage rows go to their API's detail only.
    site: { catalog: { ...withoutUsage(catalog), apis: catalog.apis.map(summarise) }, home, sources: shared },
    details: catalog.apis.map((api) => ({
      api,
      sources: Object.fromEntries(apiFiles(api).flatMap((file) => (sources[file] ? [[file, sources[file]]] : []))),
      ...governance(api),
    })),
    recent: recentUpdates(catalog.apis, sources),
  };
}

function withoutUsage(catalog: Catalog): Omit<Catalog, 'usage'> {
  const { usage: _usage, ...rest } = catalog;
  return rest;
}

/** What every page may know of an API. */
export function summarise(api: Api): ApiSummary {
  const { format, specVersion, title, version } = api.contract;
  return {
    id: api.id,
    name: api.name,
    summary: api.summary,
    type: api.type,
    lifecycle: api.lifecycle,
    audience: api.audience,
    domain: api.domain,
    ...(api.service ? { service: api.service } : {}),
    owner: api.owner,
    consumers: api.consumers,
    dependsOn: api.dependsOn,
    ...(api.deprecation ? { deprecation: api.deprecation } : {}),
    ...(api.replaces ? { replaces: api.replaces } : {}),
    contract: { format, specVersion, title, version },
    tryIt: hasTryIt(api),
    docs: api.docs.map((doc) => doc.slug),
    operationPages: splitsOperations(api.contract) ? groupOperations(api.contract).map((group) => group.slug) : [],
  };
}

/** The APIs whose folder changed last in git, newest first (ties by name). */
function recentUpdates(apis: readonly Api[], sources: Record<string, SourceInfo>): RecentUpdates {
  return apis
    .flatMap((api) => {
      const updated = sources[api.source.file]?.updated;
      return updated ? [{ id: api.id, name: api.name, updated }] : [];
    })
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.name.localeCompare(b.name, 'en'))
    .slice(0, recentShown)
    .map(({ id, updated }) => ({ id, updated }));
}
