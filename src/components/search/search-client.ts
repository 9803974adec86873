import { searchRanking } from '../../search/ranking.ts';
import { searchHits, searchQuery, type PagefindPage, type SearchHit } from '../../search/hits.ts';
import { relaxedSearch, type Searcher } from '../../search/relaxed-query.ts';
import { routes, withBase } from '../../site/urls.ts';

export type { SearchHit };

interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<Found | null>;
  search(query: string): Promise<Found>;
}

interface Found {
  results: { data(): Promise<PagefindPage> }[];
}

let loading: Promise<Pagefind> | undefined;

/** Pagefind's search library, loaded from the portal's own origin on first use. */
function pagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const library = (await import(/* @vite-ignore */ withBase(base, `${routes.searchBundle()}pagefind.js`))) as Pagefind;
    // In the page's own thread: the worker would be one more script (12 KB gzipped) to download
    // before the first results, and a search takes milliseconds.
    await library.options({ baseUrl: base, ranking: searchRanking, noWorker: true });
    await library.init();
    return library;
  })();
  return loading;
}

let words: Promise<readonly string[]> | undefined;

/** The words a misspelling is corrected to, loaded the first time a query finds nothing. */
function vocabulary(): Promise<readonly string[]> {
  words ??= fetch(withBase(import.meta.env.BASE_URL, routes.searchWords()))
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
  return words;
}

/** Pages whose data is loaded for one query: each is a download, and brings its operations along. */
export const pagesLoaded = 6;

/** The first `limit` rows for `query`, or undefined when a newer query has superseded it. */
export async function search(query: string, limit: number): Promise<SearchHit[] | undefined> {
  const library = await pagefind();
  const sent = searchQuery(query);
  const found = await library.debouncedSearch(sent, {}, 120);
  if (!found) return undefined;
  const pages = await firstPages(found);
  const searcher: Searcher = {
    pages: async (words) => firstPages(await library.search(words)),
    count: async (words) => (await library.search(words)).results.length,
    vocabulary,
  };
  // A misspelt word is corrected, one no page holds left out.
  const relaxed = await relaxedSearch(sent, pages, searcher);
  return relaxed ? searchHits(relaxed.query, relaxed.pages, limit) : searchHits(query, pages, limit);
}

function firstPages(found: Found): Promise<PagefindPage[]> {
  return Promise.all(found.results.slice(0, pagesLoaded).map((r) => r.data()));
}

/**
 * Pagefind's excerpt is page text, entities escaped, with its matches wrapped in `<mark>`. It is
 * parsed in an inert document and rebuilt from text and marks only, so nothing from the
 * catalogue can become markup on the page.
 */
export function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
