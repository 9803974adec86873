import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-reach-'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

/**
 * One catalogue per contract format. In each, every part reachable only through an `x-internal`
 * part (a channel, a message, a schema, a tag, a security scheme, a server) has "secretmark" in its
 * name or text; `visible` lists strings of what stays, found in the download.
 */
const fixtures: { catalog: string; download: string; page: string; visible: string[] }[] = [
  {
    catalog: 'reach-openapi-2',
    download: 'apis/invoice-api/openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Problem', 'UnusedButKept', 'NotFound', 'partnerKey', 'invoice:read', 'invoices'],
  },
  {
    catalog: 'reach-openapi-3-0',
    download: 'apis/invoice-api/openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Problem', 'UnusedButKept', 'NotFound', 'partnerKey', 'invoice:read', 'invoices'],
  },
  {
    catalog: 'reach-openapi-3-1',
    download: 'apis/invoice-api/openapi.json',
    page: 'Read an invoice',
    visible: ['getInvoice', 'Invoice', 'Line', 'invoicePaid', 'InvoicePaid', 'invoices'],
  },
  {
    catalog: 'reach-asyncapi-2',
    download: 'apis/invoice-events/asyncapi.json',
    page: 'invoice.issued',
    visible: ['invoice.issued', 'invoiceIssued', 'Invoice', 'partnerKey', 'production', 'invoices', 'invoiceOAuth', 'invoices:read'],
  },
  {
    catalog: 'reach-asyncapi-3',
    download: 'apis/invoice-events/asyncapi.json',
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

describe.each(fixtures)('a contract whose parts are reachable only through x-internal ones ($catalog)', ({ catalog, download, page, visible }) => {
  it.each(['public', 'partner'])(
    'builds for %s with none of those parts in any file, and the visible ones in place',
    async (audience) => {
      const out = path.join(parent, `${catalog}-${audience}`);
      const result = spawnSync(
        process.execPath,
        [
          'bin/portolan.js',
          'build',
          '--no-cache',
          '--catalog',
          path.join(projectRoot, 'tests/fixtures/catalogs', catalog),
          '--audience',
          audience,
          '--out',
          out,
        ],
        { cwd: projectRoot, encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
      const files = await builtTexts(out);
      expect(files.filter((f) => f.name.startsWith('pagefind/')).length).toBeGreaterThan(3);
      expect(files.filter((f) => /secretmark/i.test(f.text) || /secretmark/i.test(f.name)).map((f) => f.name)).toEqual([]);
      const published = files.find((f) => f.name === download)?.text ?? '';
      for (const text of visible) expect(published, text).toContain(`"${text}"`);
      const api = download.split('/')[1];
      expect(files.find((f) => f.name === `apis/${api}/index.html`)?.text).toContain(page);
    },
    60_000,
  );
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
