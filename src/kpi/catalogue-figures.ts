import { documentationFields, type KpiApi } from './kpi-api.ts';

/** A count per value, every value of the taxonomy listed (0 included) so tables line up across quarters. */
export type Counts<K extends string> = Record<K, number>;

/** One product line (APIs linked by `replaces` / `deprecation.replacedBy`) and its versions in service (not retired). */
export interface ProductLineFigure {
  /** Its versions' ids, by id. */
  versions: string[];
  inService: number;
}

/** What the catalogue files alone tell: the figures the trends follow quarter by quarter. */
export interface CatalogueFigures {
  apis: number;
  byType: Counts<KpiApi['type']>;
  byLifecycle: Counts<KpiApi['lifecycle']>;
  byAudience: Counts<KpiApi['audience']>;
  productLines: number;
  /** Product lines with two versions or more in service. */
  linesWithSeveralVersions: number;
  /** The versions in service of the portfolio's product lines that have one at least, on average. */
  versionsInServicePerLine: number;
  /** Consumers per API in service on average: declared consumers and APIs that depend on it, each counted once. */
  consumersPerApi: number;
  /** APIs in service with two consumers or more. */
  reusedApis: number;
  /** 0–1: the share of business fields filled (purpose, triggers, data, rules, policy) over the APIs. */
  documentation: number;
}

export const apiTypes = ['data', 'process', 'experience', 'event'] as const;
export const lifecycles = ['design', 'beta', 'stable', 'deprecated', 'retired'] as const;
export const audiences = ['public', 'partner', 'internal'] as const;

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Counts<K> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/** Rounded for display and JSON: three decimals are plenty for shares and means. */
export const round = (value: number) => Math.round(value * 1000) / 1000;

export const isInService = (api: KpiApi) => api.lifecycle !== 'retired';

/** Each API's consumers by name: its declared ones and the APIs of `all` whose dependsOn names it. */
export function consumersOf(all: readonly KpiApi[]): Map<string, Set<string>> {
  const consumers = new Map(all.map((api) => [api.id, new Set(api.consumers)]));
  for (const api of all) for (const target of api.dependsOn) consumers.get(target)?.add(api.id);
  return consumers;
}

/** The product lines `apis` belong to, each traced through the links between every API of `all`. */
export function productLines(all: readonly KpiApi[], apis: readonly KpiApi[]): ProductLineFigure[] {
  const byId = new Map(all.map((api) => [api.id, api]));
  const parent = new Map(all.map((api) => [api.id, api.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const join = (a: string, b: string | undefined) => {
    if (b === undefined || !byId.has(b)) return;
    parent.set(find(a), find(b));
  };
  for (const api of all) {
    join(api.id, api.replaces);
    join(api.id, api.replacedBy);
  }
  const lines = new Map<string, string[]>();
  for (const api of all) lines.set(find(api.id), [...(lines.get(find(api.id)) ?? []), api.id]);
  const wanted = new Set(apis.map((api) => find(api.id)));
  return [...lines]
    .filter(([root]) => wanted.has(root))
    .map(([, versions]) => {
      const sorted = versions.sort((a, b) => a.localeCompare(b, 'en'));
      return { versions: sorted, inService: sorted.filter((id) => isInService(byId.get(id)!)).length };
    })
    .sort((a, b) => a.versions[0]!.localeCompare(b.versions[0]!, 'en'));
}

/** The catalogue-only figures of `apis` (a domain's or the portfolio's), links traced through `all`. */
export function catalogueFigures(all: readonly KpiApi[], apis: readonly KpiApi[], consumers = consumersOf(all)): CatalogueFigures {
  const lines = productLines(all, apis).filter((line) => line.inService > 0);
  const inService = apis.filter(isInService);
  const reuse = inService.map((api) => consumers.get(api.id)?.size ?? 0);
  const filled = apis.reduce((sum, api) => sum + api.documented, 0);
  return {
    apis: apis.length,
    byType: countBy(
      apiTypes,
      apis.map((api) => api.type),
    ),
    byLifecycle: countBy(
      lifecycles,
      apis.map((api) => api.lifecycle),
    ),
    byAudience: countBy(
      audiences,
      apis.map((api) => api.audience),
    ),
    productLines: lines.length,
    linesWithSeveralVersions: lines.filter((line) => line.inService >= 2).length,
    versionsInServicePerLine: lines.length === 0 ? 0 : round(lines.reduce((sum, line) => sum + line.inService, 0) / lines.length),
    consumersPerApi: reuse.length === 0 ? 0 : round(reuse.reduce((sum, n) => sum + n, 0) / reuse.length),
    reusedApis: reuse.filter((n) => n >= 2).length,
    documentation: apis.length === 0 ? 0 : round(filled / (apis.length * documentationFields.length)),
  };
}

/** The APIs under domain `id` (its sub-domains' included). */
export function apisUnder(apis: readonly KpiApi[], id: string): KpiApi[] {
  return apis.filter((api) => api.trail.includes(id));
}
