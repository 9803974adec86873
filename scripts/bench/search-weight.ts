import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createPreviewServer } from '../../src/preview/preview-server.ts';
import { chromiumLaunch } from '../chromium.ts';
import { measureDir, type DirSize } from './dir-size.ts';

/** The search index of a build and what its first query costs a reader. */
export interface SearchWeight {
  index: DirSize;
  query: string;
  /** Pasted: the query arrives whole. Typed: a key every 150 ms, each pause a search of its own. */
  entry: 'pasted' | 'typed';
  /** Files requested from opening the search dialog to its first results. */
  requests: number;
  /** Their bytes as stored. */
  rawBytes: number;
  /** As a host that gzips text sends them (Pagefind's own index files are gzipped already). */
  transferredBytes: number;
  results: number;
}

/** Types a static host compresses on the way; Pagefind's index and WebAssembly are stored gzipped. */
const compressible = /\.(js|mjs|css|json|html|svg|txt)$/;

/**
 * Serves the built site, opens its home page in Chromium, then opens the search dialog and types
 * `query` (pasted, or typed key by key), counting every byte the browser fetches from the first key to the first results.
 */
export async function weighFirstQuery(site: string, entry: SearchWeight['entry'], query = 'customer address'): Promise<SearchWeight> {
  const server = await listen(createPreviewServer(site));
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'networkidle' });
    const bodies: Promise<{ url: string; bytes: Buffer }>[] = [];
    page.on('response', (response) => bodies.push(response.body().then((bytes) => ({ url: response.url(), bytes }))));
    await page.keyboard.press('/');
    if (entry === 'pasted') await page.getByRole('combobox').fill(query);
    else await page.keyboard.type(query, { delay: 150 });
    await page.getByRole('option').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const fetched = await Promise.all(bodies);
    const results = await page.getByRole('option').count();
    return {
      index: measureDir(`${site}/pagefind`),
      query,
      entry,
      requests: fetched.length,
      rawBytes: fetched.reduce((sum, f) => sum + f.bytes.length, 0),
      transferredBytes: fetched.reduce((sum, f) => sum + (compressible.test(new URL(f.url).pathname) ? gzipSync(f.bytes).length : f.bytes.length), 0),
      results,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
