import type { CatalogueFigures } from './catalogue-figures.ts';
import { currentFigures, type CurrentFigures, type KpiInputs } from './current-figures.ts';
import { readTrends, type Trends } from './trends.ts';

/** One quarter of a domain's or the portfolio's trend. */
export interface TrendPoint {
  quarter: string;
  figures: CatalogueFigures;
  /** api.yaml files of the quarter's commit left out because they fail today's schema. */
  skipped: number;
}

/** What one KPI page (and its kpis.json) shows: today's figures and the trend per quarter, or why it is missing. */
export interface KpiPage {
  /** `portfolio`, or a domain id. */
  scope: string;
  buildDate: string;
  figures: CurrentFigures;
  trend: { quarters: TrendPoint[] } | { missing: string };
}

/** Every KPI page of an internal build. */
export interface KpiReport {
  portfolio: KpiPage;
  domains: KpiPage[];
}

/** The trend of one scope, from the quarters where it existed. */
function trendOf(trends: Trends, scope: string): KpiPage['trend'] {
  if ('missing' in trends) return trends;
  const quarters = trends.quarters.flatMap((q) => {
    const figures = scope === 'portfolio' ? q.portfolio : q.domains[scope];
    return figures ? [{ quarter: q.quarter, figures, skipped: q.skipped }] : [];
  });
  return { quarters };
}

/** The KPIs of `catalog` and its history in git (the catalogue folder `catalogRoot`). */
export async function buildKpiReport(inputs: KpiInputs, catalogRoot: string): Promise<KpiReport> {
  let trends: Trends;
  try {
    trends = await readTrends(catalogRoot);
  } catch (error) {
    // A repository git cannot read (a missing object, a broken pack) costs the trends, not the build.
    trends = { missing: `git could not read the catalogue's history (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  return kpiReportOf(inputs, trends);
}

/** The KPI pages from today's figures and the trends already read. */
export function kpiReportOf(inputs: KpiInputs, trends: Trends): KpiReport {
  const now = currentFigures(inputs);
  const page = (scope: string, figures: CurrentFigures): KpiPage => ({ scope, buildDate: inputs.buildDate, figures, trend: trendOf(trends, scope) });
  return {
    portfolio: page('portfolio', now.portfolio),
    domains: inputs.catalog.domains.map((domain) => page(domain.id, now.domains.get(domain.id)!)),
  };
}
