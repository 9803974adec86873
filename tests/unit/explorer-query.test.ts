import { describe, expect, it } from 'vitest';
import { compareVersions, matchesQuery, readExplorerQuery, writeExplorerQuery, type FilterFields } from '../../src/site/explorer-query.ts';

const orders: FilterFields = {
  text: 'orders api take orders sales team fulfilment',
  type: 'data',
  lifecycle: 'stable',
  audience: 'public',
  domains: ['sales', 'fulfilment'],
};

describe('the explorer query', () => {
  it('is empty for the default view, so the plain page keeps its plain address', () => {
    expect(writeExplorerQuery(readExplorerQuery(''))).toBe('');
  });

  it('keeps the text, the chosen facets and the sort, and reads them back', () => {
    const query = { ...readExplorerQuery(''), text: ' customer moves ', type: 'event', domain: 'ordering', sort: 'consumers', descending: true };
    const search = writeExplorerQuery(query);
    expect(search).toBe('?q=customer+moves&type=event&domain=ordering&sort=-consumers');
    expect(readExplorerQuery(search)).toEqual({ ...query, text: 'customer moves' });
  });

  it('sorts by name when the address names a column that does not exist', () => {
    expect(readExplorerQuery('?sort=-secret')).toMatchObject({ sort: 'name', descending: false });
  });
});

describe('a row', () => {
  const query = readExplorerQuery('');

  it('matches when every word of the text is in it, in any case', () => {
    expect(matchesQuery(orders, { ...query, text: 'Sales ORDERS' })).toBe(true);
    expect(matchesQuery(orders, { ...query, text: 'orders invoice' })).toBe(false);
  });

  it('matches a facet only with the same value', () => {
    expect(matchesQuery(orders, { ...query, type: 'data', lifecycle: 'stable', audience: 'public' })).toBe(true);
    expect(matchesQuery(orders, { ...query, type: 'event' })).toBe(false);
    expect(matchesQuery(orders, { ...query, audience: 'partner' })).toBe(false);
  });

  it('matches its own domain and every domain above it', () => {
    expect(matchesQuery(orders, { ...query, domain: 'fulfilment' })).toBe(true);
    expect(matchesQuery(orders, { ...query, domain: 'sales' })).toBe(true);
    expect(matchesQuery(orders, { ...query, domain: 'billing' })).toBe(false);
  });
});

describe('versions', () => {
  it('sort by their numbers, a pre-release before its release', () => {
    const versions = ['2.0.0', '1.10.0', '1.9.1', 'v1.9.0', '2.0.0-beta.10', '0.12.0', '2.0.0-beta.2'];
    expect(versions.sort(compareVersions)).toEqual(['0.12.0', 'v1.9.0', '1.9.1', '1.10.0', '2.0.0-beta.2', '2.0.0-beta.10', '2.0.0']);
    expect(compareVersions('1.9', '1.9.0')).toBe(0);
  });
});
