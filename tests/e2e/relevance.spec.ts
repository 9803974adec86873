import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { searchHits, searchQuery, type PagefindPage } from '../../src/search/hits.ts';
import { searchRanking } from '../../src/search/ranking.ts';
import { relaxedSearch, type Searcher } from '../../src/search/relaxed-query.ts';
import { pagesLoaded } from '../../src/components/search/search-client.ts';
import { routes } from '../../src/site/urls.ts';

interface RelevanceQuery {
  query: string;
  expect: string;
  kind: 'api' | 'operation' | 'guide' | 'doc';
  /** `reader`: written in a reader's own words (business phrases, French, misspellings, questions). */
  words?: 'reader';
  note?: string;
}

const queries = parse(readFileSync(path.join(import.meta.dirname, '../search/queries.yaml'), 'utf8')) as RelevanceQuery[];

test('the relevance set finds its page in the first three results for at least 90% of queries and of those in a reader’s words, first for 70% of those in the contracts’ words', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  // The same library, index, ranking, fallback and rows as the search dialog.
  await page.evaluate(
    async ({ ranking, library }) => {
      const pagefind = await import(library);
      await pagefind.options({ ranking });
      await pagefind.init();
      (window as unknown as { pagefind: unknown }).pagefind = pagefind;
    },
    { ranking: searchRanking, library: '/pagefind/pagefind.js' },
  );
  const pagesOf = (text: string) =>
    page.evaluate(
      async ({ text, pages }) => {
        const { pagefind } = window as unknown as { pagefind: { search(q: string): Promise<{ results: { data(): Promise<PagefindPage> }[] }> } };
        return Promise.all((await pagefind.search(text)).results.slice(0, pages).map((r) => r.data()));
      },
      { text, pages: pagesLoaded },
    );
  const vocabulary = (await (await page.request.get(routes.searchWords())).json()) as string[];
  const searcher: Searcher = {
    pages: pagesOf,
    count: (text) =>
      page.evaluate(
        async (text) =>
          (await (window as unknown as { pagefind: { search(q: string): Promise<{ results: unknown[] }> } }).pagefind.search(text)).results.length,
        text,
      ),
    vocabulary: async () => vocabulary,
  };
  const rows: (RelevanceQuery & { searched: string | undefined; top: string[]; rank: number })[] = [];
  for (const q of queries) {
    const sent = searchQuery(q.query);
    const pages = await pagesOf(sent);
    const relaxed = await relaxedSearch(sent, pages, searcher);
    const top = (relaxed ? searchHits(relaxed.query, relaxed.pages, 3) : searchHits(q.query, pages, 3)).map((hit) => hit.url);
    rows.push({ ...q, searched: relaxed?.query, top, rank: top.indexOf(q.expect) + 1 });
  }
  const hitAt = (n: number, of: typeof rows) => of.filter((r) => r.rank >= 1 && r.rank <= n).length / of.length;
  const contracts = rows.filter((r) => r.words !== 'reader');
  const readers = rows.filter((r) => r.words === 'reader');
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const misses = rows
    .filter((r) => r.rank !== 1)
    .map(
      (r) =>
        `  ${r.rank === 0 ? 'miss' : `#${r.rank}  `} "${r.query}"${r.searched ? ` (searched "${r.searched}")` : ''} → ${r.expect}\n        got ${r.top.join(', ') || 'nothing'}`,
    );
  const report = [
    `relevance set: ${rows.length} queries, hit@1 ${percent(hitAt(1, rows))}, hit@3 ${percent(hitAt(3, rows))}`,
    `  in the contracts' words: ${contracts.length}, hit@1 ${percent(hitAt(1, contracts))}, hit@3 ${percent(hitAt(3, contracts))}`,
    `  in a reader's words: ${readers.length}, hit@1 ${percent(hitAt(1, readers))}, hit@3 ${percent(hitAt(3, readers))}`,
    ...misses,
  ].join('\n');
  console.log(report);
  testInfo.annotations.push({ type: 'relevance', description: report });
  expect(readers.length).toBeGreaterThanOrEqual(40);
  expect(hitAt(3, rows), report).toBeGreaterThanOrEqual(0.9);
  expect(hitAt(1, contracts), report).toBeGreaterThanOrEqual(0.7);
  expect(hitAt(3, readers), report).toBeGreaterThanOrEqual(0.9);
});
