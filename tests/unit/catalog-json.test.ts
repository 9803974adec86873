import { describe, expect, it } from 'vitest';
import { describeCatalog, formatCatalogJson } from '../../src/publish/catalog-json.ts';
import { smallCatalog } from './small-catalog.ts';

const rootRelative = { base: '/' };

describe('catalog.json', () => {
  it('describes each API with its domain, service, owner, consumers, dependencies and operation count', () => {
    const orders = describeCatalog(smallCatalog(), rootRelative).apis.find((a) => a.id === 'orders-api')!;
    expect(orders).toMatchObject({
      name: 'Orders API',
      type: 'data',
      lifecycle: 'stable',
      audience: 'public',
      version: '1.10.0',
      domain: { id: 'fulfilment', name: 'Fulfilment' },
      service: { id: 'shipping', name: 'Shipping' },
      owner: { id: 'sales-team', name: 'Sales team' },
      tags: ['order'],
      standards: [{ framework: 'TM Forum', id: 'TMF622', name: null, url: null }],
      consumers: { count: 2, apis: ['billing-api'], applications: ['Shop app'] },
      dependsOn: ['billing-api'],
      deprecation: null,
      replaces: null,
      operations: 1,
    });
  });

  it('always writes every key, in one order', () => {
    const json = describeCatalog(smallCatalog(), rootRelative);
    expect(Object.keys(json)).toEqual(['portal', 'apis', 'domains', 'teams', 'services']);
    for (const api of json.apis) {
      expect(Object.keys(api)).toEqual([
        'id',
        'name',
        'summary',
        'type',
        'lifecycle',
        'audience',
        'version',
        'format',
        'domain',
        'service',
        'owner',
        'tags',
        'standards',
        'consumers',
        'dependsOn',
        'deprecation',
        'replaces',
        'operations',
        'links',
      ]);
    }
    expect(json.domains).toEqual([
      { id: 'fulfilment', name: 'Fulfilment', summary: null, parent: 'sales' },
      { id: 'sales', name: 'Sales', summary: 'Selling.', parent: null },
    ]);
    expect(json.teams).toEqual([
      { id: 'billing-team', name: 'Billing team', contact: null },
      { id: 'sales-team', name: 'Sales team', contact: 'sales@acme.example' },
    ]);
    expect(json.services).toEqual([{ id: 'shipping', name: 'Shipping', summary: null, domain: 'fulfilment', owner: 'sales-team' }]);
  });

  it('links the page, the console of OpenAPI APIs and the contract downloads the build writes', () => {
    const apis = describeCatalog(smallCatalog(), rootRelative).apis;
    expect(apis.find((a) => a.id === 'orders-api')!.links).toEqual({
      page: '/apis/orders-api/',
      reference: '/apis/orders-api/reference/',
      downloads: { yaml: '/apis/orders-api/openapi.yaml', json: '/apis/orders-api/openapi.json' },
    });
    // Billing API has no operation to try, Order Events is AsyncAPI; neither kept a contract document to download.
    expect(apis.find((a) => a.id === 'billing-api')!.links).toEqual({ page: '/apis/billing-api/', reference: null, downloads: {} });
    expect(apis.find((a) => a.id === 'order-events')!.links.reference).toBeNull();
  });

  it('writes links under the base path, or absolute when the site is known', () => {
    const under = describeCatalog(smallCatalog(), { base: '/portal/' });
    expect(under.portal.home).toBe('/portal/');
    expect(under.apis[0]!.links.page).toBe('/portal/apis/billing-api/');
    const absolute = describeCatalog(smallCatalog(), { base: '/portal', site: 'https://dev.acme.example' });
    expect(absolute.apis.find((a) => a.id === 'orders-api')!.links.downloads).toEqual({
      yaml: 'https://dev.acme.example/portal/apis/orders-api/openapi.yaml',
      json: 'https://dev.acme.example/portal/apis/orders-api/openapi.json',
    });
  });

  it('is the same text for the same catalogue, whatever order the catalogue lists things in', () => {
    const catalog = smallCatalog();
    const text = formatCatalogJson(catalog, rootRelative);
    const shuffled = { ...catalog, apis: [...catalog.apis].reverse(), domains: [...catalog.domains].reverse(), teams: [...catalog.teams].reverse() };
    expect(formatCatalogJson(shuffled, rootRelative)).toBe(text);
    expect(text).toMatch(/^\{\n {2}"portal": \{\n {4}"title": "Acme \[Dev\] Portal",/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(describeCatalog(catalog, rootRelative));
  });
});
