import { describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { scopeOf } from '../../src/build/page-cache.ts';
import type { Catalog } from '../../src/catalog/model.ts';
import { apiIndex, contactHref, domainTree, serviceIndex, teamDirectory } from '../../src/site/directories.ts';
import { mainNav, navCurrent, routeOf } from '../../src/site/main-nav.ts';
import { pageInputs } from '../../src/site/page-inputs.ts';
import { smallCatalog } from './small-catalog.ts';

/** The catalogue as the index pages read it: the site data's, each API in summary. */
const siteCatalog = (catalog: Catalog = smallCatalog()) => pageInputs(catalog, { markdown: '' }, {}).site.catalog;

describe('the API index', () => {
  it('lists every API under the domain that holds it, domains by their trail, APIs by name, each with its owner', () => {
    const groups = apiIndex(siteCatalog());
    expect(groups.map((g) => [g.label, g.apis.map(({ api, owner }) => [api.name, api.type, api.lifecycle, owner?.name])])).toEqual([
      ['Sales', [['Billing API', 'process', 'stable', 'Billing team']]],
      [
        'Sales › Fulfilment',
        [
          ['Order Events', 'event', 'beta', 'Sales team'],
          ['Orders API', 'data', 'stable', 'Sales team'],
        ],
      ],
    ]);
  });

  it('holds only what the audience may see', () => {
    const catalog = smallCatalog();
    catalog.apis[1] = { ...catalog.apis[1]!, audience: 'internal' };
    const names = apiIndex(siteCatalog(filterByAudience(catalog, 'public'))).flatMap((g) => g.apis.map(({ api }) => api.name));
    expect(names).toEqual(['Order Events', 'Orders API']);
  });
});

describe('the domain taxonomy', () => {
  it('counts the APIs of each domain with its sub-domains, by type, and nests the sub-domains', () => {
    const [sales] = domainTree(siteCatalog());
    expect(sales).toMatchObject({ domain: { id: 'sales' }, count: 3, services: 0 });
    expect(sales!.byType).toEqual([
      { type: 'data', count: 1 },
      { type: 'process', count: 1 },
      { type: 'event', count: 1 },
    ]);
    expect(sales!.children.map((c) => [c.domain.id, c.count, c.services, c.children.length])).toEqual([['fulfilment', 2, 1, 0]]);
  });
});

describe('the team directory', () => {
  it('gives each team by name with its product owner, a contact link and the APIs it owns', () => {
    const catalog = smallCatalog();
    catalog.teams[1] = { ...catalog.teams[1]!, productOwner: 'Ada Byron', contact: 'https://chat.example/billing' };
    expect(teamDirectory(siteCatalog(catalog)).map((e) => [e.team.name, e.team.productOwner, e.contactHref, e.apis.map((a) => a.name)])).toEqual([
      ['Billing team', 'Ada Byron', 'https://chat.example/billing', ['Billing API']],
      ['Sales team', undefined, 'mailto:sales@acme.example', ['Order Events', 'Orders API']],
    ]);
  });

  it('links only an e-mail address or an http(s) URL; any other contact is text', () => {
    expect(contactHref('javascript:alert(1)')).toBeUndefined();
    expect(contactHref('Slack #billing')).toBeUndefined();
    expect(contactHref(undefined)).toBeUndefined();
  });

  it('leaves out a team whose APIs the audience may not see', () => {
    const catalog = smallCatalog();
    catalog.apis[1] = { ...catalog.apis[1]!, audience: 'partner' };
    expect(teamDirectory(siteCatalog(filterByAudience(catalog, 'public'))).map((e) => e.team.id)).toEqual(['sales-team']);
  });
});

describe('the service index', () => {
  it('lists each service under its domain with its owner and the number of its APIs', () => {
    expect(serviceIndex(siteCatalog()).map((g) => [g.label, g.services.map((s) => [s.service.name, s.owner?.name, s.apis])])).toEqual([
      ['Sales › Fulfilment', [['Shipping', 'Sales team', 1]]],
    ]);
  });
});

describe('the header', () => {
  it('links the index pages and the explorer; services and guides only when the build has some', () => {
    expect(mainNav({ services: true, guides: true }).map((i) => i.to)).toEqual(['/apis/', '/domains/', '/teams/', '/services/', '/guides/', '/explorer/']);
    expect(mainNav({ services: false, guides: false }).map((i) => i.label)).toEqual(['APIs', 'Domains', 'Teams', 'Explorer']);
  });

  it('marks the index page itself, and its section on the pages under it', () => {
    const [apis] = mainNav({ services: false, guides: false });
    expect(navCurrent(apis!, '/apis/')).toBe('page');
    expect(navCurrent(apis!, '/apis/orders-api/')).toBe('true');
    expect(navCurrent(apis!, '/explorer/')).toBeUndefined();
    expect(routeOf('/portal/apis/orders-api/', '/portal/')).toBe('/apis/orders-api/');
    expect(routeOf('/apis/', '/')).toBe('/apis/');
    expect(routeOf('/portal', '/portal')).toBe('/');
  });
});

describe('the render cache', () => {
  it('keeps the index pages with the pages every API shares, which the site data decides', () => {
    for (const page of ['apis/index.html', 'domains/index.html', 'teams/index.html', 'services/index.html', 'guides/index.html'])
      expect(scopeOf(page)).toBe('shared');
    expect(scopeOf('apis/orders-api/index.html')).toBe('api:orders-api');
  });
});
