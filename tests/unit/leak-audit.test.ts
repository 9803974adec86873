import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/catalog/audience.ts';
import { hiddenTerms } from '../../src/catalog/hidden-terms.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Catalog } from '../../src/catalog/model.ts';
import { auditOutput } from '../../src/site/leak-audit.ts';

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
});
