import { describe, expect, it } from 'vitest';
import type { PagefindPage } from '../../src/search/hits.ts';
import { relaxedSearch, type Searcher } from '../../src/search/relaxed-query.ts';

/** An index of a few pages, searched as Pagefind does: every word required, a word matching the words it starts; a word found nowhere shortened until something starts with it. */
function fakeIndex(pages: Record<string, string>): Searcher & { searched: string[] } {
  const searched: string[] = [];
  const matching = (word: string, content: string) => {
    const words = content.toLowerCase().split(/\s+/);
    for (let length = word.length; length >= 2; length--) {
      const locations = words.flatMap((w, at) => (w.startsWith(word.slice(0, length)) ? [at] : []));
      if (locations.length > 0) return locations;
    }
    return [];
  };
  const find = (query: string): PagefindPage[] =>
    Object.entries(pages).flatMap(([url, content]) => {
      const located = query.split(/\s+/).map((word) => matching(word.toLowerCase(), content));
      return located.every((l) => l.length > 0) ? [{ url, content, excerpt: '', meta: {}, locations: located.flat() }] : [];
    });
  return {
    searched,
    pages: async (query) => (searched.push(query), find(query)),
    count: async (query) => find(query).length,
    vocabulary: async () => ['customer', 'customers', 'address', 'change', 'invoice', 'order', 'moved'],
  };
}

const index = () =>
  fakeIndex({
    '/apis/customer-api/': 'Register and read customers and their address change requests',
    '/apis/bill-api/': 'Each invoice and its lines',
    '/apis/catalogue/': 'A flat fee for every plan',
    '/apis/shipping/': 'Delivery slots and their depots',
  });

describe('a query that misses a word', () => {
  it('is left alone when its results hold every word', async () => {
    const searcher = index();
    const pages = await searcher.pages('address change');
    expect(await relaxedSearch('address change', pages, searcher)).toBeUndefined();
  });

  it('corrects a misspelt word that Pagefind matched loosely to the closest word of the vocabulary', async () => {
    const searcher = index();
    for (const [typed, meant] of [
      ['custmer', 'customer'],
      ['adress change', 'address change'],
      ['invocie', 'invoice'],
    ] as const) {
      const relaxed = await relaxedSearch(typed, await searcher.pages(typed), searcher);
      expect(relaxed?.query, typed).toBe(meant);
      expect(relaxed?.pages.length, typed).toBeGreaterThan(0);
    }
  });

  it('leaves out a word no page holds with the others, the rarest, when nothing has them all', async () => {
    const searcher = index();
    const relaxed = await relaxedSearch('customer address flat', [], searcher);
    expect(relaxed?.query).toBe('customer address');
    expect(relaxed?.pages.map((p) => p.url)).toEqual(['/apis/customer-api/']);
  });

  it('finds nothing rather than something unrelated when no correction is close enough', async () => {
    const searcher = index();
    expect(await relaxedSearch('zqxwv', await searcher.pages('zqxwv'), searcher)).toBeUndefined();
  });

  it('finds nothing rather than the pages of a shortened prefix when no page holds the word', async () => {
    const searcher = index();
    const loose = await searcher.pages('demenagement');
    expect(loose.map((p) => p.url)).toEqual(['/apis/shipping/']);
    expect(await relaxedSearch('demenagement', loose, searcher)).toEqual({ query: 'demenagement', pages: [] });
  });

  it('leaves out a word no page holds and keeps the ones they do', async () => {
    const searcher = index();
    const relaxed = await relaxedSearch('delivery demenagement', await searcher.pages('delivery demenagement'), searcher);
    expect(relaxed?.query).toBe('delivery');
    expect(relaxed?.pages.map((p) => p.url)).toEqual(['/apis/shipping/']);
  });
});
