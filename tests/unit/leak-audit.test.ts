import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { hiddenGuideTerms, hiddenTerms } from '../../src/audience/hidden-terms.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Api, Catalog } from '../../src/catalog/model.ts';
import { auditOutput } from '../../src/audience/leak-audit.ts';
import { smallCatalog } from './small-catalog.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let catalog: Catalog;

beforeAll(async () => {
  catalog = (await loadCatalog(path.join(projectRoot, 'catalog'), { keepDocuments: true })).catalog!;
}, 60_000);

describe('what a build must not hold', () => {
  it('is, for partners, every internal API by id and name and every x-internal name of the partner contracts', () => {
    const terms = hiddenTerms(catalog, filterByAudience(catalog, 'partner')).map((t) => t.term);
    for (const api of catalog.apis.filter((a) => a.audience === 'internal')) expect(terms).toEqual(expect.arrayContaining([api.id, api.name]));
    expect(terms).toEqual(expect.arrayContaining(['mergeCustomers', 'fraudScore', 'includeRiskAssessment']));
    for (const api of catalog.apis.filter((a) => a.audience !== 'internal')) expect(terms).not.toContain(api.name);
  });

  it('names why each term is hidden', () => {
    const terms = hiddenTerms(catalog, filterByAudience(catalog, 'public'));
    expect(terms).toContainEqual({ term: 'customer-api-v4', why: 'id of the partner API customer-api-v4' });
    expect(terms).toContainEqual({ term: 'Usage Events', why: 'name of the internal API usage-events' });
  });

  it('holds, for the public, the request paths of partner and internal APIs as a guide writes them: base path and path up to the first template', () => {
    const terms = hiddenTerms(catalog, filterByAudience(catalog, 'public'));
    expect(terms).toContainEqual({ term: '/customer/v4/customer', why: 'request path of the partner API customer-api-v4' });
    expect(terms).toContainEqual({ term: '/customer/v4', why: 'base path of the partner API customer-api-v4' });
    expect(terms).toContainEqual({ term: '/party/v2/individual', why: 'request path of the internal API party-api' });
    // The public APIs' own paths are visible; one segment ("/v5" of an internal app API) tells nothing.
    const paths = terms.map((t) => t.term).filter((term) => term.startsWith('/'));
    expect(paths.filter((term) => /^\/(productCatalogManagement|eligibility|coverage)\//.test(term))).toEqual([]);
    expect(paths).not.toContain('/v5');
  });

  it('holds, for partners, the request path of an x-internal operation of a partner API, not the paths it shares with visible ones', () => {
    const terms = hiddenTerms(catalog, filterByAudience(catalog, 'partner'));
    expect(terms).toContainEqual({ term: '/customer/v4/customer/merge', why: 'request path of an x-internal operation of customer-api-v4' });
    expect(terms.map((t) => t.term)).not.toContain('/customer/v4/customer');
  });

  it('holds no request path that a visible API also serves, and no path of a single segment', () => {
    const small = smallCatalog();
    const [orders, billing] = small.apis as [Api, Api, Api];
    const getOrder = orders.contract.operations[0]!;
    orders.contract.servers = [{ name: 'Production', url: 'https://api.acme.example/sales/v1' }];
    billing.audience = 'partner';
    billing.contract.servers = [
      { name: 'Production', url: 'https://api.acme.example/sales/v1/' },
      { name: 'Legacy', url: 'https://legacy.acme.example' },
    ];
    billing.contract.operations = [
      { ...getOrder, id: 'get-invoice-of-order', path: '/orders/{id}/invoice' },
      { ...getOrder, id: 'list-invoices', path: '/invoices' },
    ];
    const paths = hiddenTerms(small, filterByAudience(small, 'public')).filter((t) => t.term.startsWith('/'));
    // "/sales/v1/orders" and the base path "/sales/v1" are served by the public Orders API too;
    // "/orders" and "/invoices", from the legacy server, are single words.
    expect(paths).toEqual([{ term: '/sales/v1/invoices', why: 'request path of the partner API billing-api' }]);
  });

  it('holds the applications named as consumers for a wider audience, unless a visible consumer bears the same name', () => {
    const terms = hiddenTerms(catalog, filterByAudience(catalog, 'public'));
    expect(terms).toContainEqual({ term: 'Polar Broadband CRM', why: 'internal consumer of order-events' });
    expect(terms).toContainEqual({ term: 'Tilbudsradar price comparison site', why: 'internal consumer of product-catalog-api' });
    expect(terms.map((t) => t.term)).not.toContain('nordwave.example web shop');
  });

  it('holds the private repository’s address, and the pages and titles of the guides for a wider audience', () => {
    expect(hiddenTerms(catalog, filterByAudience(catalog, 'partner'))).toContainEqual({
      term: 'https://git.example.com/nordwave/api-catalogue',
      why: 'the private repository of the catalogue',
    });
    const guides = [
      { slug: 'contributing', title: 'Contributing an API', audience: 'internal' as const },
      { slug: 'partners', title: 'Partner onboarding', audience: 'partner' as const },
    ];
    expect(hiddenGuideTerms(guides, 'partner').map((t) => t.term)).toEqual(['/guides/contributing/', 'Contributing an API']);
    expect(hiddenGuideTerms(guides, 'public').map((t) => t.term)).toHaveLength(4);
    expect(hiddenGuideTerms(guides, 'internal')).toEqual([]);
  });

  it('is nothing for an internal build of the whole catalogue', () => {
    expect(hiddenTerms(catalog, filterByAudience(catalog, 'internal'))).toEqual([]);
  });
});

describe('the audit of a build’s output', () => {
  let site: string;
  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'portolan-audit-'));
    await mkdir(path.join(site, 'apis/x'), { recursive: true });
    await mkdir(path.join(site, 'pagefind/fragment'), { recursive: true });
    await writeFile(path.join(site, 'apis/x/index.html'), '<p>Also see the Usage Events and usage-events-archive.</p>');
    await writeFile(path.join(site, 'pagefind/fragment/en_1.pf_fragment'), gzipSync('pagefind_dcd{"content":"calls mergeCustomers"}'));
    await writeFile(path.join(site, 'pagefind/wasm.en.pagefind'), gzipSync('Usage Events'));
    await writeFile(path.join(site, 'clean.txt'), 'Nothing to see: UsageEvents, usage events.');
  });
  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('finds hidden terms as whole words, in pages and in the inflated search index, and skips binaries', async () => {
    const leaks = await auditOutput(site, [
      { term: 'Usage Events', why: 'internal API' },
      { term: 'usage-events', why: 'internal API id' },
      { term: 'mergeCustomers', why: 'x-internal operation' },
    ]);
    expect(leaks).toEqual([
      { file: 'apis/x/index.html', term: 'Usage Events', why: 'internal API' },
      { file: 'pagefind/fragment/en_1.pf_fragment', term: 'mergeCustomers', why: 'x-internal operation' },
    ]);
  });

  it('finds a request path after a host or a space, but not as the beginning of a longer path segment', async () => {
    await writeFile(path.join(site, 'apis/x/guide.html'), '<code>curl https://api.acme.example/sales/v1/invoices?year=2025</code> GET /sales/v2/invoice/INV-1');
    await writeFile(path.join(site, 'apis/x/other.html'), '<code>GET /sales/v1/invoicesArchive and /sales/v2/invoice-lines</code>');
    const leaks = await auditOutput(site, [
      { term: '/sales/v1/invoices', why: 'partner path' },
      { term: '/sales/v2/invoice', why: 'partner path' },
    ]);
    expect(leaks).toEqual([
      { file: 'apis/x/guide.html', term: '/sales/v1/invoices', why: 'partner path' },
      { file: 'apis/x/guide.html', term: '/sales/v2/invoice', why: 'partner path' },
    ]);
  });
});
