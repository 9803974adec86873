import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Api, Catalog } from '../../src/catalog/model.ts';
import type { LintSummary } from '../../src/governance/figures.ts';
import { scoreApi } from '../../src/governance/scorecard.ts';
import { formulaText, scoreWeights } from '../../src/governance/score-weights.ts';

let catalog: Catalog;
const api = (id: string) => catalog.apis.find((a) => a.id === id)!;

beforeAll(async () => {
  catalog = (await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'))).catalog!;
}, 60_000);

const lint: LintSummary = {
  apiId: 'customer-api-v4',
  rulesRun: 20,
  rulesFailed: ['oas3-api-servers', 'operation-tags'],
  rulesWaived: ['owasp:api4:2023-rate-limit'],
  errors: 1,
  warnings: 3,
  waivers: [
    {
      apiId: 'customer-api-v4',
      rule: 'owasp:api4:2023-rate-limit',
      reason: 'limited at the gateway',
      approvedBy: 'Security board',
      until: '2027-01-31',
      expired: false,
    },
    { apiId: 'customer-api-v4', rule: 'operation-tags', reason: 'old', approvedBy: 'Security board', until: '2026-01-31', expired: true },
  ],
};

describe('an API scorecard', () => {
  it('leaves the design rules out of the score when lint did not run, and says so', () => {
    const card = scoreApi(api('customer-api-v4'));
    expect(card.designRules).toBeUndefined();
    expect(card.parts.find((p) => p.key === 'designRules')).toMatchObject({ value: undefined, detail: 'lint did not run for this build' });
    const measured = card.parts.filter((p) => p.value !== undefined);
    const expected = Math.round((100 * measured.reduce((s, p) => s + p.weight * p.value!, 0)) / 70);
    expect(card.score).toBe(expected);
    expect(card.formula).toContain('÷ 70');
    expect(card.formula).toContain('left out of the score rather than counted as zero: design rules.');
  });

  it('counts design rules passed, a waived one as passed, and only the waivers in force', () => {
    const card = scoreApi(api('customer-api-v4'), lint);
    expect(card.designRules).toBe(0.9);
    expect(card.waiversInForce).toBe(1);
    expect(card.parts.find((p) => p.key === 'designRules')?.detail).toBe('18 of 20 rules passed, 1 of them waived');
    expect(card.formula).toMatch(
      /^Score = 100 × \(30 × design rules \+ 25 × documentation \+ 20 × examples \+ 15 × security \+ 10 × lifecycle\) ÷ 100, rounded/,
    );
  });

  it('lists the business fields it looks at, filled or not', () => {
    const bare: Api = { ...api('customer-api-v4'), business: { purpose: 'Customers.' }, docs: [], tags: [], consumers: [] };
    delete (bare as Partial<Api>).sla;
    delete (bare as Partial<Api>).environments;
    const card = scoreApi(bare);
    expect(card.fields.filter((f) => f.filled).map((f) => f.field)).toEqual(['business.purpose']);
    expect(card.fields.map((f) => f.field)).toEqual([
      'business.purpose',
      'business.triggers',
      'business.data',
      'business.rules',
      'business.policy',
      'sla',
      'environments',
      'docs pages',
      'consumers',
      'tags',
    ]);
    expect(card.documentation).toBe(0.1);
  });

  it('scores security 0 without a scheme and halves lifecycle for a deprecated API with no replacement', () => {
    const full = api('customer-api-v3');
    const card = scoreApi({ ...full, contract: { ...full.contract, securitySchemes: [] }, deprecation: { sunset: full.deprecation!.sunset }, docs: [] });
    expect(card.parts.find((p) => p.key === 'security')).toMatchObject({ value: 0, detail: 'no security scheme declared' });
    expect(card.parts.find((p) => p.key === 'lifecycle')).toMatchObject({ value: 0.5, detail: `sunset ${full.deprecation!.sunset}, no replacement named` });
  });

  it('counts an HTTP operation covered only with a written OK and KO example', () => {
    const full = api('customer-api-v4');
    const [first, ...rest] = full.contract.operations;
    const onlyOk = { ...first!, examples: first!.examples.filter((e) => e.ok) };
    const card = scoreApi({ ...full, contract: { ...full.contract, operations: [onlyOk, ...rest] } });
    expect(card.uncovered).toContain(`${first!.method!.toUpperCase()} ${first!.path}`);
  });

  it('writes the formula from the weights, which add up to 100', () => {
    expect(scoreWeights.reduce((s, w) => s + w.weight, 0)).toBe(100);
    const text = formulaText(new Set(scoreWeights.map((w) => w.key)));
    for (const w of scoreWeights) expect(text).toContain(`${w.weight} × ${w.label.toLowerCase()}`);
  });
});
