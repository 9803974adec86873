import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { passOverPages } from '../../src/build/pass-over-pages.ts';
import type { Catalog } from '../../src/catalog/model.ts';
import { PolicyWriter } from '../../src/publish/content-security.ts';

let site: string;

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>About <a href="/apis/">APIs</a>.</p><script>console.log(1)</script></main></body></html>`;

async function writePages(pages: Record<string, string>): Promise<void> {
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), html);
  }
}

async function pass(threads: string) {
  vi.stubEnv('PORTOLAN_PAGE_THREADS', threads);
  const policy = new PolicyWriter({ apis: [] } as unknown as Catalog);
  const passed = await passOverPages(site, { policy, hidden: [{ term: 'Ledger Secret', why: 'an internal API' }], caches: undefined, base: '/', glossary: [] });
  await passed.search.close();
  return passed;
}

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'portolan-pages-'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(site, { recursive: true, force: true });
});

describe('the pages pass', () => {
  it('finds the same leaks and links, and writes the same pages, in worker threads as in the build’s thread', async () => {
    const pages = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`apis/api-${i}/index.html`, page(i === 17 ? 'Ledger Secret' : `API ${i}`)]));
    const written: string[][] = [];
    const found = [];
    for (const threads of ['0', '2']) {
      await writePages(pages);
      const passed = await pass(threads);
      found.push({ pages: passed.pages, leaks: passed.leaks });
      written.push(await Promise.all(Object.keys(pages).map((file) => readFile(path.join(site, file), 'utf8'))));
    }
    expect(found[1]).toEqual(found[0]);
    expect(found[0]!.leaks).toEqual([{ file: 'apis/api-17/index.html', term: 'Ledger Secret', why: 'an internal API' }]);
    expect(written[1]).toEqual(written[0]);
    expect(written[0]![0]).toContain('http-equiv="Content-Security-Policy"');
  });

  it('fails with the page it could not read, in worker threads too, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      await writePages({
        ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`apis/api-${String(i).padStart(2, '0')}/index.html`, page(`API ${i}`)])),
        'apis/api-03/index.html': '<main data-pagefind-body><h1>No head</h1></main>',
      });
      await expect(pass('2')).rejects.toThrow(/the pages from apis\/api-00\/index\.html could not be read: apis\/api-03\/index\.html has no <head>/);
      await expect(pass('0')).rejects.toThrow(/apis\/api-03\/index\.html has no <head>/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });
});
