import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KpiPage, KpiReport } from './kpi-report.ts';
import { kpiRoutes } from './kpi-routes.ts';

/** kpis.json of one page: the figures it shows, a figure not measured written `null`. */
export function formatKpiJson(page: KpiPage): string {
  return `${JSON.stringify(page, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`;
}

/** The route of a KPI page: the portfolio's, or a domain's. */
export function kpiRoute(scope: string): string {
  return scope === 'portfolio' ? kpiRoutes.portfolio() : kpiRoutes.domain(scope);
}

/** Writes kpis.json beside each KPI page; returns how many. */
export async function writeKpiFiles(report: KpiReport, outDir: string): Promise<number> {
  const pages = [report.portfolio, ...report.domains];
  for (const page of pages) {
    const dir = path.join(outDir, kpiRoute(page.scope));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'kpis.json'), formatKpiJson(page));
  }
  return pages.length;
}
