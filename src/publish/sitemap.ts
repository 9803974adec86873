import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { builtPages } from '../site/built-files.ts';

/** URLs a sitemap file holds at most (the protocol's limit). */
const perSitemap = 50_000;

/**
 * Writes `sitemap-index.xml` and `sitemap-0.xml`… listing every page of the built site at its
 * absolute address (`site` + `base`), the 404 page left out; returns the number of pages listed.
 * Written from the pages on disk, so it holds the pages of every render process.
 */
export async function writeSitemap(siteDir: string, site: string, base: string): Promise<number> {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const urls = (await builtPages(siteDir))
    .filter((page) => page === 'index.html' || page.endsWith('/index.html'))
    .map((page) => new URL(page.slice(0, -'index.html'.length), root).href)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const index = new SitemapAndIndexStream({
    limit: perSitemap,
    getSitemapStream: (i) => {
      const name = `sitemap-${i}.xml`;
      const stream = new SitemapStream({ hostname: root.href, xmlns: { news: false, xhtml: false, image: false, video: false } });
      return [new URL(name, root).href, stream, stream.pipe(createWriteStream(path.join(siteDir, name)))];
    },
  });
  await pipeline(Readable.from(urls.map((url) => ({ url }))), index, createWriteStream(path.join(siteDir, 'sitemap-index.xml')));
  return urls.length;
}
