import type { Api, Operation } from '../catalog/model.ts';
import type { LintSummary, ScorecardFigures, WaiverStatus } from './figures.ts';
import { formulaText, scoreWeights, type ScorePartKey } from './score-weights.ts';

/** One measured part of the score, as the page shows it. */
export interface ScorePart {
  key: ScorePartKey;
  label: string;
  weight: number;
  /** 0–1; undefined when not measured (design rules when lint did not run). */
  value: number | undefined;
  /** What was found, in a few words. */
  detail: string;
}

/** One API's scorecard: the figures the KPI pages read, and what the page shows of how they came. */
export interface Scorecard extends ScorecardFigures {
  parts: ScorePart[];
  /** The business fields the documentation part looks at, filled or not. */
  fields: { field: string; filled: boolean }[];
  /** Operations without the examples the example part asks for, by heading. */
  uncovered: string[];
  waivers: WaiverStatus[];
  formula: string;
}

/** The business fields the documentation part counts, with how each is judged filled. */
const documentationFields: readonly [field: string, filled: (api: Api) => boolean][] = [
  ['business.purpose', (api) => Boolean(api.business.purpose?.trim())],
  ['business.triggers', (api) => Boolean(api.business.triggers?.trim())],
  ['business.data', (api) => (api.business.data ?? []).length > 0],
  ['business.rules', (api) => Boolean(api.business.rules?.trim())],
  ['business.policy', (api) => Boolean(api.business.policy?.trim())],
  ['sla', (api) => Object.values(api.sla ?? {}).some((v) => typeof v === 'string' && v.trim() !== '')],
  ['environments', (api) => (api.environments ?? []).length > 0],
  ['docs pages', (api) => api.docs.length > 0],
  ['consumers', (api) => api.consumers.length > 0],
  ['tags', (api) => (api.tags ?? []).length > 0],
];

/** Scores one API from the model and, when lint ran, its design-rule summary. */
export function scoreApi(api: Api, lint?: LintSummary): Scorecard {
  const fields = documentationFields.map(([field, filled]) => ({ field, filled: filled(api) }));
  const operations = api.contract.operations;
  const uncovered = operations.filter((op) => !isCovered(op)).map(heading);
  const waivers = (lint?.waivers ?? []).filter((w) => !w.expired);
  const values: Record<ScorePartKey, { value: number | undefined; detail: string }> = {
    designRules: designRules(lint),
    documentation: {
      value: share(fields.filter((f) => f.filled).length, fields.length),
      detail: `${fields.filter((f) => f.filled).length} of ${fields.length} fields filled`,
    },
    exampleCoverage: {
      value: share(operations.length - uncovered.length, operations.length),
      detail: `${operations.length - uncovered.length} of ${operations.length} operations covered`,
    },
    security: security(api),
    lifecycle: lifecycle(api),
  };
  const parts = scoreWeights.map((w) => ({ key: w.key, label: w.label, weight: w.weight, ...values[w.key] }));
  const measured = parts.filter((p) => p.value !== undefined);
  const total = measured.reduce((sum, p) => sum + p.weight, 0);
  const score = total === 0 ? 0 : Math.round((100 * measured.reduce((sum, p) => sum + p.weight * p.value!, 0)) / total);
  return {
    apiId: api.id,
    score,
    documentation: values.documentation.value!,
    exampleCoverage: values.exampleCoverage.value!,
    designRules: values.designRules.value,
    waiversInForce: waivers.length,
    parts,
    fields,
    uncovered,
    waivers,
    formula: formulaText(new Set(measured.map((p) => p.key))),
  };
}

/** An API without operations has nothing left uncovered: the share is 1. */
function share(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function designRules(lint: LintSummary | undefined): { value: number | undefined; detail: string } {
  if (!lint) return { value: undefined, detail: 'lint did not run for this build' };
  const failed = lint.rulesFailed.length;
  const waived = lint.rulesWaived.length;
  return {
    value: share(lint.rulesRun - failed, lint.rulesRun),
    detail: `${lint.rulesRun - failed} of ${lint.rulesRun} rules passed${waived > 0 ? `, ${waived} of them waived` : ''}`,
  };
}

function security(api: Api): { value: number; detail: string } {
  const names = api.contract.securitySchemes.map((s) => `${s.name} (${s.type})`);
  return names.length > 0 ? { value: 1, detail: names.join(', ') } : { value: 0, detail: 'no security scheme declared' };
}

function lifecycle(api: Api): { value: number; detail: string } {
  if (api.lifecycle !== 'deprecated') return { value: 1, detail: `${api.lifecycle}: nothing to retire` };
  const sunset = Boolean(api.deprecation?.sunset);
  const successor = Boolean(api.deprecation?.replacedBy) || api.docs.some((doc) => /^migration\b/.test(doc.slug));
  const detail = [sunset ? `sunset ${api.deprecation!.sunset}` : 'no sunset date', successor ? 'replacement named' : 'no replacement named'].join(', ');
  return { value: (Number(sunset) + Number(successor)) / 2, detail };
}

/** An HTTP operation shows success and failure; an event operation, its message. Generated examples do not count. */
function isCovered(op: Operation): boolean {
  const written = op.examples.filter((e) => !e.generated);
  if (op.kind !== 'http') return written.length > 0;
  return written.some((e) => e.ok) && written.some((e) => !e.ok);
}

function heading(op: Operation): string {
  return op.kind === 'http' ? `${op.method?.toUpperCase()} ${op.path}` : (op.title ?? op.channel ?? op.id);
}
