import { existsSync } from 'node:fs';
import { access, mkdir, mkdtemp, opendir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSearchIndex } from '../../src/search/pagefind-index.ts';
import { differingFiles, hashFiles } from './file-hashes.ts';

let site: string;

async function writePage(route: string, html: string, into = site): Promise<void> {
  await mkdir(path.join(into, route), { recursive: true });
  await writeFile(path.join(into, route, 'index.html'), `<!doctype html><html lang="en"><body>${html}</body></html>`);
}

/** tmpfs lists a folder's entries newest first, so two folders written in opposite orders are listed differently. */
const tmpfs = '/dev/shm';

/** A folder's entries in the file system's own order (Node's readdir sorts them; a directory walk such as Pagefind's does not). */
async function listUnsorted(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of await opendir(dir)) names.push(entry.name);
  return names;
}

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'portolan-search-'));
  await writePage('apis/customer-bill-api', '<main data-pagefind-body><h1>Customer Bill API</h1><p>Bills and invoices.</p></main>');
  await writePage('guides/authentication', '<main data-pagefind-body><h1>Authentication</h1><p>PKCE.</p></main>');
  await writePage('search', '<main><h1>Search</h1></main>');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(site, { recursive: true, force: true });
});

describe('the search index', () => {
  it('holds the pages marked for search and ships Pagefind’s interface beside it', async () => {
    expect(await writeSearchIndex(site)).toBe(2);
    for (const file of ['pagefind-entry.json', 'pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css']) await access(path.join(site, 'pagefind', file));
  });

  it('fails with one sentence, not a stack trace, when Pagefind cannot start', async () => {
    vi.stubEnv('PAGEFIND_BINARY_PATH', path.join(site, 'no-such-pagefind'));
    const printed = vi.spyOn(console, 'error');
    await expect(writeSearchIndex(site)).rejects.toThrow(/^the search index could not be built: Pagefind stopped: spawn .*no-such-pagefind ENOENT$/);
    expect(printed).not.toHaveBeenCalled();
  });

  it.skipIf(!existsSync(tmpfs))('is the same bytes whatever order the file system lists the pages in', async () => {
    const names = ['billing-api', 'customer-api', 'order-api', 'party-api', 'ticket-api', 'usage-events'];
    const sites = [await mkdtemp(path.join(tmpfs, 'portolan-search-')), await mkdtemp(path.join(tmpfs, 'portolan-search-'))];
    try {
      for (const [index, order] of [names, [...names].reverse()].entries()) {
        for (const name of order)
          await writePage(`apis/${name}`, `<main data-pagefind-body><h1>${name}</h1><p>Customers, orders and ${name} bills.</p></main>`, sites[index]);
      }
      const listings = await Promise.all(sites.map((dir) => listUnsorted(path.join(dir, 'apis'))));
      expect(listings[0], 'the two folders must be listed in different orders for this test to mean anything').not.toEqual(listings[1]);
      for (const dir of sites) expect(await writeSearchIndex(dir)).toBe(names.length);
      const [first, second] = await Promise.all(sites.map(hashFiles));
      expect(differingFiles(first!, second!)).toEqual([]);
    } finally {
      for (const dir of sites) await rm(dir, { recursive: true, force: true });
    }
  });
});
