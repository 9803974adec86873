import { describe, expect, it } from 'vitest';
import type { Api, Catalog, Domain, Example, Operation } from '../../src/catalog/model.ts';
import type { LintSummary } from '../../src/governance/figures.ts';
import { currentFigures } from '../../src/kpi/current-figures.ts';
import { formatKpiJson } from '../../src/kpi/kpi-files.ts';
import { kpiReportOf } from '../../src/kpi/kpi-report.ts';

const domain = (id: string, trail: string[]): Domain => ({
  id,
  name: id,
  trail,
  source: { file: `${trail.join('/')}/domain.yaml` },
  ...(trail.length > 1 ? { parent: trail.at(-2)! } : {}),
});

const example = (ok: boolean, generated = false): Example => ({ label: ok ? 'OK' : 'KO', ok, ...(generated ? { generated } : {}), source: { file: 'x' } });

const operation = (examples: Example[]) => ({ examples, messages: [] }) as unknown as Operation;

/** An API of the normalised model with only what the KPIs read. */
function api(id: string, domainId: string, fields: Partial<Api> = {}, operations: Operation[] = []): Api {
  return {
    id,
    name: id,
    summary: 's',
    type: 'data',
    lifecycle: 'stable',
    audience: 'internal',
    owner: 'team',
    domain: domainId,
    consumers: [],
    dependsOn: [],
    business: { purpose: 'Why.' },
    docs: [],
    source: { file: `${id}/api.yaml` },
    contract: { operations } as Api['contract'],
    ...fields,
  } as Api;
}

const catalog = {
  domains: [domain('party', ['party']), domain('contact', ['party', 'contact']), domain('billing', ['billing'])],
  apis: [
    api(
      'party-api',
      'party',
      {
        lifecycle: 'deprecated',
        deprecation: { sunset: '2026-02-01', replacedBy: 'party-api-v2' },
        consumers: [{ kind: 'app', name: 'CRM', audience: 'internal' }],
      },
      [operation([example(true), example(false)]), operation([example(true), example(false, true)])],
    ),
    api('party-api-v2', 'party', { replaces: 'party-api', business: { purpose: 'Why.', rules: 'Some.', policy: 'Strict.' } }),
    api('contact-api', 'contact', {
      type: 'process',
      audience: 'partner',
      dependsOn: ['party-api', 'party-api-v2'],
      consumers: [{ kind: 'api', id: 'bill-api' }],
    }),
    api('bill-api', 'billing', {
      type: 'event',
      lifecycle: 'deprecated',
      deprecation: { sunset: '2026-12-31' },
      consumers: [{ kind: 'app', name: 'Ledger', audience: 'internal' }],
    }),
  ],
} as unknown as Catalog;

const lint: LintSummary[] = [
  {
    apiId: 'party-api',
    rulesRun: 10,
    rulesFailed: ['a', 'b'],
    rulesWaived: ['c'],
    errors: 2,
    warnings: 1,
    waivers: [{ apiId: 'party-api', rule: 'c', reason: 'r', approvedBy: 'x', until: '2026-03-01', expired: false }],
  },
  { apiId: 'contact-api', rulesRun: 10, rulesFailed: [], rulesWaived: [], errors: 0, warnings: 3, waivers: [] },
];

describe('KPI figures per domain and for the portfolio', () => {
  const buildDate = '2026-01-15';

  it('rolls sub-domains up into their parent and traces reuse through consumers and dependsOn', () => {
    const { portfolio, domains } = currentFigures({ catalog, buildDate });
    expect(portfolio.apis).toBe(4);
    expect(domains.get('party')!.apis).toBe(3);
    expect(domains.get('contact')!.apis).toBe(1);
    expect(domains.get('party')!.byType).toEqual({ data: 2, process: 1, experience: 0, event: 0 });
    expect(portfolio.reuse).toEqual([
      { apiId: 'party-api', consumers: 2 },
      { apiId: 'bill-api', consumers: 1 },
      { apiId: 'contact-api', consumers: 1 },
      { apiId: 'party-api-v2', consumers: 1 },
    ]);
    expect(portfolio.reusedApis).toBe(1);
    expect(domains.get('party')!.lines).toEqual([
      { versions: ['contact-api'], inService: 1 },
      { versions: ['party-api', 'party-api-v2'], inService: 2 },
    ]);
    expect(domains.get('party')!.linesWithSeveralVersions).toBe(1);
    // Business fields filled: 1 + 3 + 1 of 15.
    expect(domains.get('party')!.documentation).toBe(0.333);
  });

  it('counts operations with an OK and a KO example, a generated example not counting', () => {
    const { portfolio } = currentFigures({ catalog, buildDate });
    expect(portfolio).toMatchObject({ operations: 2, exampleCoverage: 0.5 });
  });

  it('lists APIs past or within 90 days of their sunset that still have consumers, from the build date', () => {
    expect(currentFigures({ catalog, buildDate }).portfolio.sunsetRisks).toEqual([{ apiId: 'party-api', sunset: '2026-02-01', days: 17, consumers: 2 }]);
    expect(currentFigures({ catalog, buildDate: '2026-12-01' }).portfolio.sunsetRisks).toEqual([
      { apiId: 'party-api', sunset: '2026-02-01', days: -303, consumers: 2 },
      { apiId: 'bill-api', sunset: '2026-12-31', days: 30, consumers: 1 },
    ]);
    expect(
      currentFigures({ catalog, buildDate: '2026-12-01' })
        .domains.get('billing')!
        .sunsetRisks.map((r) => r.apiId),
    ).toEqual(['bill-api']);
  });

  it('says "not measured" for lint, scorecards and usage when those stages did not run, and sums them per domain when they did', () => {
    const without = currentFigures({ catalog, buildDate }).portfolio;
    expect([without.lintScore, without.lintErrors, without.scorecard, without.observedConsumers, without.waivers]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const report = kpiReportOf({ catalog, buildDate }, { missing: 'no history' });
    expect(JSON.parse(formatKpiJson(report.portfolio)).figures).toMatchObject({ lintScore: null, scorecard: null, waivers: null });

    const usage = [
      { api: 'party-api', consumer: 'CRM', month: '2025-12', calls: 10, errors: 0 },
      { api: 'party-api', consumer: 'CRM', month: '2026-01', calls: 10, errors: 0 },
      { api: 'bill-api', consumer: 'Ledger', month: '2026-01', calls: 3, errors: 1 },
    ];
    const scorecards = [{ apiId: 'party-api', score: 60, documentation: 0.2, exampleCoverage: 0.5, designRules: 0.8, waiversInForce: 1 }];
    const withAll = currentFigures({ catalog, buildDate, lint, usage, scorecards });
    expect(withAll.portfolio).toMatchObject({ lintScore: 0.9, lintErrors: 2, lintWarnings: 4, scorecard: 60, observedConsumers: 2 });
    expect(withAll.portfolio.waivers).toEqual(lint[0]!.waivers);
    expect(withAll.domains.get('contact')).toMatchObject({ lintScore: 1, lintErrors: 0, waivers: [], scorecard: undefined, observedConsumers: 0 });
    expect(withAll.domains.get('billing')).toMatchObject({ lintScore: undefined, waivers: [] });
  });

  it('gives each domain its page, with the trend’s reason when there is no history', () => {
    const report = kpiReportOf({ catalog, buildDate }, { missing: 'no history' });
    expect(report.domains.map((page) => page.scope)).toEqual(['party', 'contact', 'billing']);
    expect(report.portfolio.trend).toEqual({ missing: 'no history' });
  });
});
