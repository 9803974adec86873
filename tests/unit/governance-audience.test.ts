import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { figureMarkers } from '../../src/audience/hidden-figures.ts';
import { hiddenTerms } from '../../src/audience/hidden-terms.ts';
import { auditOutput } from '../../src/audience/leak-audit.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Audience, Catalog } from '../../src/catalog/model.ts';
import { pageInputs } from '../../src/site/page-inputs.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'))).catalog!;
}, 60_000);

const withScorecardFor = (audience: 'internal' | 'partner'): Catalog => ({ ...catalog, portal: { ...catalog.portal, scorecard: { audience } } });
const inputsFor = (full: Catalog, audience: Audience) => pageInputs(filterByAudience(full, audience), { markdown: '' }, {});
const detail = (full: Catalog, audience: Audience, id: string) => inputsFor(full, audience).details.find((d) => d.api.id === id)!;

describe('the scorecard and the usage figures by audience', () => {
  it('gives an internal build both, the usage newest month first', () => {
    const { scorecard, usage } = detail(catalog, 'internal', 'customer-api-v4');
    expect(scorecard?.apiId).toBe('customer-api-v4');
    expect(usage?.[0]).toEqual({ api: 'customer-api-v4', consumer: 'mynordwave-app-api', month: '2026-09', calls: 530002, errors: 944 });
    expect(usage).toHaveLength(9);
  });

  it('gives a partner or public build neither, by default, and no usage in the data every page reads', () => {
    for (const audience of ['partner', 'public'] as const) {
      const inputs = inputsFor(catalog, audience);
      expect(inputs.details.filter((d) => d.scorecard || d.usage)).toEqual([]);
      expect(JSON.stringify(inputs)).not.toContain('530002');
    }
    expect(JSON.stringify(inputsFor(catalog, 'internal').site)).not.toContain('530002');
  });

  it('gives a partner build the scorecard when portal.yaml publishes it to partners, never the usage', () => {
    const { scorecard, usage } = detail(withScorecardFor('partner'), 'partner', 'customer-api-v4');
    expect(scorecard).toBeDefined();
    expect(usage).toBeUndefined();
    expect(inputsFor(withScorecardFor('partner'), 'public').details.filter((d) => d.scorecard)).toEqual([]);
  });

  it('has the leak audit look for each section the build may not show, and for consumers named only in the usage files', () => {
    const terms = (full: Catalog, audience: Audience) => hiddenTerms(full, filterByAudience(full, audience)).map((t) => t.term);
    expect(terms(catalog, 'partner')).toEqual(expect.arrayContaining([figureMarkers.scorecard, figureMarkers.usage]));
    expect(terms(withScorecardFor('partner'), 'partner')).not.toContain(figureMarkers.scorecard);
    expect(terms(withScorecardFor('partner'), 'public')).toContain(figureMarkers.scorecard);
    expect(terms(catalog, 'internal')).toEqual([]);
    const onlyInUsage: Catalog = {
      ...catalog,
      usage: [...catalog.usage!, { api: 'product-catalog-api', consumer: 'Skagen Mobile reseller app', month: '2026-09', calls: 10, errors: 0 }],
    };
    expect(terms(onlyInUsage, 'partner')).toContain('Skagen Mobile reseller app');
    expect(terms(onlyInUsage, 'partner')).not.toContain('retailer-storefront-api');
  });

  it('stops a partner build whose page holds a scorecard or usage section', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'figures-leak-'));
    try {
      await mkdir(path.join(site, 'apis/customer-api-v4'), { recursive: true });
      await writeFile(
        path.join(site, 'apis/customer-api-v4/index.html'),
        `<section aria-labelledby="scorecard" data-figures="${figureMarkers.scorecard}"><h2 id="scorecard">Scorecard</h2></section>`,
      );
      await writeFile(path.join(site, 'llms.txt'), `<section data-figures="${figureMarkers.usage}"></section>`);
      const leaks = await auditOutput(site, hiddenTerms(catalog, filterByAudience(catalog, 'partner')));
      expect(leaks.map((l) => [l.file, l.term])).toEqual([
        ['apis/customer-api-v4/index.html', figureMarkers.scorecard],
        ['llms.txt', figureMarkers.usage],
      ]);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
