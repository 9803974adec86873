import type { Api, Catalog, UsageRow } from '../catalog/model.ts';
import type { LintSummary, ScorecardFigures, WaiverStatus } from '../governance/figures.ts';
import {
  apisUnder,
  catalogueFigures,
  consumersOf,
  isInService,
  productLines,
  round,
  type CatalogueFigures,
  type ProductLineFigure,
} from './catalogue-figures.ts';
import { kpiApiOfModel, type KpiApi } from './kpi-api.ts';

/** What the KPIs are computed from: the catalogue, the day of the build, and what the governance stages produced, when they ran. */
export interface KpiInputs {
  catalog: Catalog;
  /** YYYY-MM-DD: sunsets are measured from it. */
  buildDate: string;
  lint?: readonly LintSummary[];
  scorecards?: readonly ScorecardFigures[];
  usage?: readonly UsageRow[];
}

/** A figure a governance stage gives; `undefined` (shown "not measured") when that stage did not run. */
export type Measured<T> = T | undefined;

/** An API in service whose sunset is past or near while consumers still use it. */
export interface SunsetRisk {
  apiId: string;
  sunset: string;
  /** Days from the build date to the sunset; negative when past. */
  days: number;
  consumers: number;
}

/** Today's figures of a domain or of the portfolio. */
export interface CurrentFigures extends CatalogueFigures {
  /** Each API's consumers (declared and dependents), most first. */
  reuse: { apiId: string; consumers: number }[];
  lines: ProductLineFigure[];
  /** 0–1: operations with both an OK and a KO example, over every operation. */
  exampleCoverage: number;
  operations: number;
  /** 0–1: design rules passed over rules run (waived counts as passed). */
  lintScore: Measured<number>;
  lintErrors: Measured<number>;
  lintWarnings: Measured<number>;
  /** 0–100: the scorecards' mean. */
  scorecard: Measured<number>;
  /** Distinct consumers the gateway's exports saw, over the APIs. */
  observedConsumers: Measured<number>;
  sunsetRisks: SunsetRisk[];
  waivers: Measured<WaiverStatus[]>;
}

/** How close a sunset must be to count as a risk. */
export const sunsetWindowDays = 90;

const dayMs = 86_400_000;

const isCovered = (op: Api['contract']['operations'][number]) => {
  const examples = [...op.examples, ...op.messages.flatMap((message) => message.examples)].filter((example) => !example.generated);
  return examples.some((example) => example.ok) && examples.some((example) => !example.ok);
};

/** Today's figures of the whole portfolio and of each domain (a domain's sub-domains rolled up into it). */
export function currentFigures(inputs: KpiInputs): { portfolio: CurrentFigures; domains: Map<string, CurrentFigures> } {
  const trails = new Map(inputs.catalog.domains.map((domain) => [domain.id, domain.trail]));
  const all = inputs.catalog.apis.map((api) => kpiApiOfModel(api, trails.get(api.domain) ?? [api.domain]));
  const context = { inputs, all, consumers: consumersOf(all), models: new Map(inputs.catalog.apis.map((api) => [api.id, api])) };
  const domains = new Map(inputs.catalog.domains.map((domain) => [domain.id, figuresOf(context, apisUnder(all, domain.id))]));
  return { portfolio: figuresOf(context, all), domains };
}

interface Context {
  inputs: KpiInputs;
  all: KpiApi[];
  consumers: Map<string, Set<string>>;
  models: Map<string, Api>;
}

function figuresOf({ inputs, all, consumers, models }: Context, apis: KpiApi[]): CurrentFigures {
  const ids = new Set(apis.map((api) => api.id));
  const operations = apis.flatMap((api) => models.get(api.id)!.contract.operations);
  const lint = inputs.lint?.filter((summary) => ids.has(summary.apiId));
  const rulesRun = lint?.reduce((sum, summary) => sum + summary.rulesRun, 0) ?? 0;
  const scores = inputs.scorecards?.filter((card) => ids.has(card.apiId));
  const usage = inputs.usage?.filter((row) => ids.has(row.api));
  return {
    ...catalogueFigures(all, apis, consumers),
    reuse: apis
      .filter(isInService)
      .map((api) => ({ apiId: api.id, consumers: consumers.get(api.id)?.size ?? 0 }))
      .sort((a, b) => b.consumers - a.consumers || a.apiId.localeCompare(b.apiId, 'en')),
    lines: productLines(all, apis),
    exampleCoverage: operations.length === 0 ? 0 : round(operations.filter(isCovered).length / operations.length),
    operations: operations.length,
    lintScore: lint && rulesRun > 0 ? round(lint.reduce((sum, summary) => sum + summary.rulesRun - summary.rulesFailed.length, 0) / rulesRun) : undefined,
    lintErrors: lint?.reduce((sum, summary) => sum + summary.errors, 0),
    lintWarnings: lint?.reduce((sum, summary) => sum + summary.warnings, 0),
    scorecard: scores && scores.length > 0 ? round(scores.reduce((sum, card) => sum + card.score, 0) / scores.length) : undefined,
    observedConsumers: usage && new Set(usage.map((row) => `${row.api}\n${row.consumer}`)).size,
    sunsetRisks: sunsetRisks(apis, consumers, inputs.buildDate),
    waivers: lint?.flatMap((summary) => summary.waivers).sort((a, b) => a.until.localeCompare(b.until) || a.apiId.localeCompare(b.apiId, 'en')),
  };
}

function sunsetRisks(apis: readonly KpiApi[], consumers: Map<string, Set<string>>, buildDate: string): SunsetRisk[] {
  const today = Date.parse(`${buildDate}T00:00:00Z`);
  return apis
    .flatMap((api) => {
      const count = consumers.get(api.id)?.size ?? 0;
      if (!api.sunset || !isInService(api) || count === 0) return [];
      const days = Math.round((Date.parse(`${api.sunset}T00:00:00Z`) - today) / dayMs);
      return days <= sunsetWindowDays ? [{ apiId: api.id, sunset: api.sunset, days, consumers: count }] : [];
    })
    .sort((a, b) => a.days - b.days || a.apiId.localeCompare(b.apiId, 'en'));
}
