import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { hiddenTerms } from '../../src/audience/hidden-terms.ts';
import { auditOutput } from '../../src/audience/leak-audit.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixturesDir = path.join(projectRoot, 'tests/fixtures/catalogs');
let parent: string;
/** Every file of the build of all the fixtures together, for each audience. */
const built = new Map<string, { name: string; text: string }[]>();
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

/**
 * One catalogue per contract format. In each, every part reachable only through an `x-internal`
 * part (a channel, a message, a schema, a tag, a security scheme, a server) has "secretmark" in its
 * name or text; `visible` lists strings of what stays, found in the download.
 */
const fixtures: { catalog: string; api: string; download: string; page: string; visible: string[] }[] = [
  {
    catalog: 'reach-openapi-2',
    api: 'invoice-api',
    download: 'openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Problem', 'UnusedButKept', 'NotFound', 'partnerKey', 'invoice:read', 'invoices'],
  },
  {
    catalog: 'reach-openapi-3-0',
    api: 'invoice-api',
    download: 'openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Problem', 'UnusedButKept', 'NotFound', 'partnerKey', 'invoice:read', 'invoices'],
  },
  {
    catalog: 'reach-openapi-3-1',
    api: 'invoice-api',
    download: 'openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Line', 'invoicePaid', 'InvoicePaid', 'invoices'],
  },
  {
    catalog: 'reach-asyncapi-2',
    api: 'invoice-events',
    download: 'asyncapi.json',
    page: 'invoice.issued',
    visible: ['invoice.issued', 'invoiceIssued', 'Invoice', 'partnerKey', 'production', 'invoices', 'invoiceOAuth', 'invoices:read'],
  },
  {
    catalog: 'reach-asyncapi-3',
    api: 'invoice-events',
    download: 'asyncapi.json',
    page: 'invoice.issued',
    visible: ['invoice.issued', 'invoiceIssued', 'Invoice', 'partnerKey', 'production', 'invoices'],
  },
];

/** Every text file of a built site, Pagefind's index and any gzip or brotli file inflated. */
async function builtTexts(out: string): Promise<{ name: string; text: string }[]> {
  return Promise.all(
    (await outputTexts(out)).map(async ({ file, text }) => {
      if (file.endsWith('.gz')) return { name: file, text: gunzipSync(await readFile(path.join(out, file))).toString('utf8') };
      if (file.endsWith('.br')) return { name: file, text: brotliDecompressSync(await readFile(path.join(out, file))).toString('utf8') };
      return { name: file, text };
    }),
  );
}

/**
 * The fixtures as one catalogue, built once for each audience: each fixture's domain folder under
 * the fixture's name, its API folder under `<api>-<fixture>`, so that ids stay unique.
 */
beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-reach-'));
  const catalog = path.join(parent, 'catalog');
  await mkdir(catalog);
  await cp(path.join(fixturesDir, fixtures[0]!.catalog, 'teams.yaml'), path.join(catalog, 'teams.yaml'));
  for (const { catalog: fixture, api } of fixtures) {
    await cp(path.join(fixturesDir, fixture, 'billing'), path.join(catalog, fixture), { recursive: true });
    await cp(path.join(catalog, fixture, api), path.join(catalog, fixture, `${api}-${fixture}`), { recursive: true });
    await rm(path.join(catalog, fixture, api), { recursive: true });
  }
  for (const audience of ['public', 'partner']) {
    const out = path.join(parent, audience);
    const result = spawnSync(process.execPath, ['bin/portolan.js', 'build', '--no-cache', '--catalog', catalog, '--audience', audience, '--out', out], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    built.set(audience, await builtTexts(out));
  }
}, 120_000);

describe.each(['public', 'partner'])('a build for %s of contracts whose parts are reachable only through x-internal ones', (audience) => {
  it('holds none of those parts in any file, the search index included', () => {
    const files = built.get(audience)!;
    expect(files.filter((f) => f.name.startsWith('pagefind/')).length).toBeGreaterThan(3);
    expect(files.filter((f) => /secretmark/i.test(f.text) || /secretmark/i.test(f.name)).map((f) => f.name)).toEqual([]);
  });

  it.each(fixtures)('keeps the visible parts of $catalog in its download and on its page', ({ catalog, api, download, page, visible }) => {
    const files = built.get(audience)!;
    const id = `${api}-${catalog}`;
    const published = files.find((f) => f.name === `apis/${id}/${download}`)?.text ?? '';
    for (const text of visible) expect(published, text).toContain(`"${text}"`);
    expect(files.find((f) => f.name === `apis/${id}/index.html`)?.text).toContain(page);
  });
});

describe('the leak audit of a build that removed parts only hidden ones reach', () => {
  it('looks for their names, and finds one a guide would leak', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'tests/fixtures/catalogs/reach-asyncapi-3'), { keepDocuments: true });
    const hidden = hiddenTerms(catalog!, filterByAudience(catalog!, 'public'));
    const terms = hidden.map((t) => t.term);
    for (const name of [
      'secretmarkReplayChannel',
      'secretmark.replay.requested',
      'secretmarkReplayMessageName',
      'secretmarkReplayBroker',
      'secretmarkOperatorToken',
      'secretmarkForensics',
    ])
      expect(terms, name).toContain(name);
    // What the build still publishes is no leak.
    for (const name of ['production', 'invoiceIssued', 'invoice.issued', 'partnerKey', 'Invoice']) expect(terms, name).not.toContain(name);
    expect(hidden).toContainEqual({ term: 'secretmark.replay.requested', why: 'channel of invoice-events that only x-internal parts reach' });
    const site = path.join(parent, 'audit');
    await mkdir(path.join(site, 'guides/replays'), { recursive: true });
    await writeFile(path.join(site, 'guides/replays/index.html'), '<p>Subscribe to secretmark.replay.requested on the replay broker.</p>');
    expect((await auditOutput(site, hidden)).map((leak) => leak.term)).toEqual(['secretmark.replay.requested']);
  });
});
