import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { explorerFacets, explorerRows } from '../../src/site/explorer-rows.ts';
import { smallCatalog } from './small-catalog.ts';

describe('the explorer rows', () => {
  it('hold one row an API, sorted by name, with its links, owner, contract version and consumer count', () => {
    const rows = explorerRows(smallCatalog());
    expect(rows.map((r) => r.name)).toEqual(['Billing API', 'Order Events', 'Orders API']);
    expect(rows[2]).toEqual({
      id: 'orders-api',
      name: 'Orders API',
      summary: 'Orders API summary.',
      route: '/apis/orders-api/',
      type: 'data',
      lifecycle: 'stable',
      audience: 'public',
      domain: { id: 'fulfilment', name: 'Fulfilment', route: '/domains/fulfilment/' },
      domainTrail: ['sales', 'fulfilment'],
      owner: { id: 'sales-team', name: 'Sales team', route: '/teams/sales-team/' },
      version: '1.10.0',
      consumers: 2,
      alsoKnownAs: [],
      synonyms: [],
    });
  });

  it('carry the glossary’s other words for what an API’s name says, every locale’s, so the text filter finds them', () => {
    // The small catalogue's glossary: invoice, also bill, and facture in French.
    const billing = explorerRows(smallCatalog()).find((row) => row.id === 'billing-api')!;
    expect(billing.alsoKnownAs).toEqual([{ term: 'invoice', words: ['invoice', 'facture'] }]);
    expect(billing.synonyms).toEqual(['invoice', 'facture']);
  });

  it('offer as filters only the types, lifecycles and audiences the rows have, in the taxonomy order, and every domain above a row', () => {
    const catalog = smallCatalog();
    const facets = explorerFacets(catalog, explorerRows(catalog));
    expect(facets.type.map((o) => o.value)).toEqual(['data', 'process', 'event']);
    expect(facets.lifecycle.map((o) => o.value)).toEqual(['beta', 'stable']);
    expect(facets.audience.map((o) => o.value)).toEqual(['public']);
    expect(facets.domain).toEqual([
      { value: 'sales', label: 'Sales' },
      { value: 'fulfilment', label: 'Sales › Fulfilment' },
    ]);
  });

  it('of a public build of the example catalogue are exactly its public APIs', async () => {
    const { catalog } = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'));
    const publicBuild = filterByAudience(catalog!, 'public');
    const rows = explorerRows(publicBuild);
    expect(rows.map((r) => r.id).sort()).toEqual(
      catalog!.apis
        .filter((a) => a.audience === 'public')
        .map((a) => a.id)
        .sort(),
    );
    expect(new Set(rows.map((r) => r.audience))).toEqual(new Set(['public']));
    expect(explorerFacets(publicBuild, rows).audience.map((o) => o.value)).toEqual(['public']);
  });
});
