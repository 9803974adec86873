import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSearchIndex } from '../../src/site/search-index.ts';

let site: string;

async function writePage(route: string, html: string): Promise<void> {
  await mkdir(path.join(site, route), { recursive: true });
  await writeFile(path.join(site, route, 'index.html'), `<!doctype html><html lang="en"><body>${html}</body></html>`);
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
});
