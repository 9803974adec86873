import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KpiReport } from '../kpi/kpi-report.ts';
import type { ApiDetail, RecentUpdates } from './site-data.ts';

/** The environment variable that names the folder of the render's inputs, written by `portolan build` (build/render-inputs.ts). */
export const pageInputsVariable = 'PORTOLAN_PAGE_INPUTS';

/** The environment variable that names the file saying which pages this render makes (RenderSet); unset: all. */
export const renderSetVariable = 'PORTOLAN_RENDER_SET';

/** Which pages a render makes: the pages every API shares (domains, teams, guides...) or not, and the pages of which APIs. */
export interface RenderSet {
  shared: boolean;
  apis: string[];
}

/** The files of the inputs folder. */
export const inputFiles = {
  site: 'site.json',
  recent: 'recent.json',
  kpis: 'kpis.json',
  api: (id: string) => path.join('apis', `${id}.json`),
} as const;

/** The folder of the render's inputs. */
export function inputsFolder(): string {
  const folder = process.env[pageInputsVariable];
  if (!folder) throw new Error('The portal is built by "npx portolan build" (or served by "npm start"), which prepares the catalogue first.');
  return folder;
}

// Pages of one API are rendered one after the other (its docs pages, its pages of operations): one read serves them.
let lastDetail: ApiDetail | undefined;

/** One API in full, for its own pages only: read per page, so the render never holds every contract at once. */
export function apiDetail(id: string): ApiDetail {
  if (lastDetail?.api.id !== id) lastDetail = JSON.parse(readFileSync(path.join(inputsFolder(), inputFiles.api(id)), 'utf8')) as ApiDetail;
  return lastDetail;
}

/** The APIs the home page lists as recently updated. */
export function recentUpdates(): RecentUpdates {
  return JSON.parse(readFileSync(path.join(inputsFolder(), inputFiles.recent), 'utf8')) as RecentUpdates;
}

let kpis: KpiReport | undefined | null;

/** The KPI pages' figures; undefined in a build for another audience than internal, which has no KPI page. */
export function kpiReport(): KpiReport | undefined {
  if (kpis === undefined) {
    const file = path.join(inputsFolder(), inputFiles.kpis);
    kpis = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KpiReport) : null;
  }
  return kpis ?? undefined;
}

let renderSet: RenderSet | undefined | null;

function chosenSet(): RenderSet | undefined {
  if (renderSet === undefined) {
    const file = process.env[renderSetVariable];
    renderSet = file ? (JSON.parse(readFileSync(file, 'utf8')) as RenderSet) : null;
  }
  return renderSet ?? undefined;
}

/** The items of the APIs whose pages this render makes. */
export function withRenderedApis<T>(items: readonly T[], apiOf: (item: T) => string): T[] {
  const set = chosenSet();
  if (!set) return [...items];
  const wanted = new Set(set.apis);
  return items.filter((item) => wanted.has(apiOf(item)));
}

/** The items of a route every API shares (a domain, a team, a guide), when this render makes those pages. */
export function withSharedPages<T>(items: readonly T[]): T[] {
  const set = chosenSet();
  return !set || set.shared ? [...items] : [];
}
