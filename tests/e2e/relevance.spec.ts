import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { searchHits, searchQuery, type PagefindPage } from '../../src/search/hits.ts';
import { searchRanking } from '../../src/search/ranking.ts';
import { pagesLoaded } from '../../src/components/search/search-client.ts';

interface RelevanceQuery {
  query: string;
  expect: string;
  kind: 'api' | 'operation' | 'guide' | 'doc';
  note?: string;
}

const queries = parse(readFileSync(path.join(import.meta.dirname, '../search/queries.yaml'), 'utf8')) as RelevanceQuery[];

test('the relevance set finds its page in the first three results for at least 90% of queries, first for 70%', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto('/');
  // The same library, index, ranking and rows as the search dialog.
  const found = await page.evaluate(
    async ({ texts, ranking, library, pages }) => {
      const pagefind = await import(library);
      await pagefind.options({ ranking });
      await pagefind.init();
      const results: PagefindPage[][] = [];
      for (const text of texts) {
        const { results: hits } = await pagefind.search(text);
        results.push(await Promise.all(hits.slice(0, pages).map((r: { data(): Promise<PagefindPage> }) => r.data())));
      }
      return results;
    },
    { texts: queries.map((q) => searchQuery(q.query)), ranking: searchRanking, library: '/pagefind/pagefind.js', pages: pagesLoaded },
  );
  const ranked = found.map((pages, i) => searchHits(queries[i]!.query, pages, 3).map((hit) => hit.url));
  const rows = queries.map((q, i) => ({ ...q, top: ranked[i]!, rank: ranked[i]!.indexOf(q.expect) + 1 }));
  const hitAt = (n: number) => rows.filter((r) => r.rank >= 1 && r.rank <= n).length / rows.length;
  const misses = rows
    .filter((r) => r.rank !== 1)
    .map((r) => `  ${r.rank === 0 ? 'miss' : `#${r.rank}  `} "${r.query}" → ${r.expect}\n        got ${r.top.join(', ') || 'nothing'}`);
  const report = [`relevance set: ${rows.length} queries, hit@1 ${(hitAt(1) * 100).toFixed(1)}%, hit@3 ${(hitAt(3) * 100).toFixed(1)}%`, ...misses].join('\n');
  console.log(report);
  testInfo.annotations.push({ type: 'relevance', description: report });
  expect(rows.length).toBeGreaterThanOrEqual(30);
  expect(hitAt(3), report).toBeGreaterThanOrEqual(0.9);
  expect(hitAt(1), report).toBeGreaterThanOrEqual(0.7);
});
