import { isVisibleTo, type Audience } from '../audience/filter.ts';
import type { CacheOptions } from '../catalog/cache/contract-cache.ts';
import type { Catalog } from '../catalog/model.ts';
import { buildKpiReport, type KpiReport } from '../kpi/kpi-report.ts';
import { scorecardAudience } from './api-governance.ts';
import type { LintSummary } from './figures.ts';
import { scoreApi } from './scorecard.ts';

/** Whether a build for `audience` shows scorecards or KPIs, which read the design rules' figures. */
export function showsGovernance(catalog: Pick<Catalog, 'portal'>, audience: Audience): boolean {
  return audience === 'internal' || isVisibleTo(scorecardAudience(catalog), audience);
}

/**
 * The design rules' figures of each API, for the scorecards and the KPIs; the findings
 * themselves are `lint`'s and `check --lint`'s to print. Spectral loads only for these builds;
 * its workers stay loaded for the next build of a session (`dev`), and stop otherwise.
 */
export async function lintSummaries(
  catalogDir: string,
  options: { cache: CacheOptions | undefined; today: string; keepWorkers: boolean },
): Promise<Map<string, LintSummary>> {
  const { lintCatalog, stopLintWorkers } = await import('../lint/index.ts');
  try {
    const result = await lintCatalog(catalogDir, { ...(options.cache ? { cache: options.cache } : {}), today: options.today });
    return new Map(result.summaries.map((summary) => [summary.apiId, summary]));
  } finally {
    if (!options.keepWorkers) await stopLintWorkers();
  }
}

/** The KPI pages of the audience's catalogue, with its scorecards, design rules and gateway usage. */
export function kpiReport(catalog: Catalog, lint: ReadonlyMap<string, LintSummary> | undefined, buildDate: string, catalogDir: string): Promise<KpiReport> {
  const shown = catalog.apis.map((api) => api.id);
  return buildKpiReport(
    {
      catalog,
      buildDate,
      ...(lint ? { lint: shown.flatMap((id) => lint.get(id) ?? []) } : {}),
      scorecards: catalog.apis.map((api) => scoreApi(api, lint?.get(api.id))),
      ...(catalog.usage ? { usage: catalog.usage } : {}),
    },
    catalogDir,
  );
}
