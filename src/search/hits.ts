/**
 * From Pagefind's page results to the rows a reader sees: each page, and the operations of an
 * API page where the query's words are found. Plain data in, plain data out: the search dialog
 * and the relevance test share it, so the test measures what readers get.
 */

interface WeightedLocation {
  balanced_score: number;
}

/** A section of a page Pagefind returns with a result: an operation is an `li` anchor with a title (OperationItem). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string };
  /** Positions of the matching words in the page's content. */
  locations: number[];
  weighted_locations: WeightedLocation[];
}

/** The part of Pagefind's result data the rows are made of. */
export interface PagefindPage {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
  locations: number[];
}

/** One row: a page, or an operation at its anchor with the API it belongs to. */
export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  kind: string;
  api?: string;
  domain?: string;
  type?: string;
  lifecycle?: string;
}

/**
 * Little words Pagefind would otherwise require on every result and match as prefixes ("an"
 * marks "and"), in English and French: articles, prepositions, and the words of a question
 * ("how do I …", "comment …"). Left in when the query holds nothing else.
 */
const fillerWords = new Set([
  ...['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'is', 'my', 'it', 'its', 'me', 'we', 'you', 'your', 'our', 'are', 'be'],
  ...['with', 'for', 'from', 'after', 'about', 'into'],
  ...['how', 'do', 'does', 'did', 'i', 'can', 'could', 'what', 'where', 'which', 'who', 'when', 'why', 'should', 'would', 'will'],
  ...[
    'de',
    'du',
    'des',
    'la',
    'le',
    'les',
    "l'",
    "d'",
    'un',
    'une',
    'en',
    'et',
    'au',
    'aux',
    'sur',
    'pour',
    'mon',
    'ma',
    'mes',
    'je',
    'est',
    'que',
    'qui',
    'où',
    'comment',
  ],
]);

/** Words that say nothing after a question word ("how do I get an access token", "what happens to an order"). */
const questionWords = new Set(['how', 'what', 'where', 'which', 'who', 'when', 'why', 'can', 'do', 'does', 'comment']);
const questionFillers = new Set(['get', 'have', 'has', 'had', 'find', 'happens', 'happen']);

/** The query as it is sent to Pagefind: without the filler words. */
export function searchQuery(query: string): string {
  const words = query.trim().split(/\s+/);
  const question = questionWords.has(words[0]?.toLowerCase() ?? '');
  const kept = words.filter((word) => !fillerWords.has(word.toLowerCase()) && !(question && questionFillers.has(word.toLowerCase())));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** How many operations of one page are shown with it. */
const operationsPerPage = 2;
/**
 * An operation is shown beside the page's best if it holds as many of the query's words and
 * scores at least this share of it. Pagefind weighs a word by the square of its element's weight,
 * so a word in an operation's title (h4) counts sixteen times one in its description: at half,
 * an operation that says the words only in its description never came second.
 */
const runnerUpShare = 0.15;
/** Words that say nothing of what a reader looks for; shorter words are ignored too. */
const stopWords = new Set(['and', 'the', 'for', 'with', 'from', 'that', 'this', 'are', 'can', 'how', 'why', 'what', 'which', 'when', 'into', 'our', 'your']);
/** Words are compared on their first letters without a final s, a rough stem: "cancel" finds "cancelled", "bills" finds "bill". */
const stemLength = 5;

const stem = (word: string) =>
  word
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/s$/, '')
    .slice(0, stemLength);

/** The words of a query that tell pages apart, as stems. */
function queryTerms(query: string): string[] {
  const words = query.split(/\s+/).filter((word) => word.length >= 3 && !stopWords.has(word.toLowerCase()));
  return [...new Set(words.map(stem))].filter(Boolean);
}

/**
 * The words of `query` (as sent) that none of `pages` holds where Pagefind found them: it matched
 * them loosely (a misspelling), or found nothing. Words shorter than four letters are not looked at.
 */
export function unmatchedWords(query: string, pages: readonly PagefindPage[]): string[] {
  const letters = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const held = new Set(
    pages.flatMap((page) => {
      const words = page.content.split(/\s+/);
      return page.locations.map((at) => letters(words[at] ?? ''));
    }),
  );
  return query
    .split(/\s+/)
    .filter((word) => word.length >= 4)
    .filter((word) => ![...held].some((found) => isForm(letters(word), found)));
}

/**
 * Whether a word Pagefind found is a form of the query's word: one starts with the other ("bill",
 * "bills"), or they differ in their last two letters at most ("moved", "moving"). Pagefind
 * shortens a word it cannot find until something starts with it, so "invocie" finds "in" and
 * "custmer" finds "customers": neither is the word.
 */
function isForm(wanted: string, found: string): boolean {
  if (found.length < 3) return false;
  if (found.startsWith(wanted) || wanted.startsWith(found)) return true;
  return commonPrefix(wanted, found) >= Math.max(3, Math.min(wanted.length, found.length) - 2);
}

function commonPrefix(a: string, b: string): number {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return at;
}

const score = (locations: readonly WeightedLocation[]) => locations.reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * The rows for `query`, pages in Pagefind's order, at most `limit`. Each API page brings its best
 * operations along. An operation comes before its API when it holds every word of a query of
 * several words that the whole page holds ("cancel an order"): it is what the reader asked for.
 * For a one-word query ("billing") or a broader one, the API comes first. A page's operations
 * are left out when none holds half the query's words: the page says them all ("too many
 * requests"), its operations only the commonest one ("request"), and they would push the next
 * page down.
 */
export function searchHits(query: string, pages: readonly PagefindPage[], limit: number): SearchHit[] {
  const terms = queryTerms(query);
  const hits = currentFirst(query, pages).flatMap((page) => {
    const words = page.content.split(/\s+/).map(stem);
    const coverOf = (locations: readonly number[]) => terms.filter((t) => locations.some((l) => (words[l] ?? '').startsWith(t))).length;
    const operations = (page.sub_results ?? [])
      .filter((sub) => sub.anchor?.element === 'li' && sub.locations.length > 0)
      .map((sub) => ({ sub, cover: coverOf(sub.locations), score: score(sub.weighted_locations) }))
      .sort((a, b) => b.cover - a.cover || b.score - a.score);
    const pageHit = hitOfPage(page);
    const best = operations[0];
    if (!best || best.cover * 2 < terms.length) return [pageHit];
    const shown = operations.filter((op) => op.cover === best.cover && op.score >= best.score * runnerUpShare).slice(0, operationsPerPage);
    const rows = shown.map(({ sub }) => hitOfOperation(sub, page));
    const leads = best.cover >= 2 && best.cover === coverOf(page.locations);
    return leads ? [rows[0]!, pageHit, ...rows.slice(1)] : [pageHit, ...rows];
  });
  return hits.slice(0, limit);
}

/** Lifecycles a reader should not start with, and the words with which a query asks for them. */
const outgoing = new Set(['deprecated', 'retired']);
const asksForOutgoing = /\b(?:deprecated|retired|legacy|old|older|previous|ancien(?:ne)?|v\d+)\b/i;

/**
 * Pages in Pagefind's order, except that a deprecated or retired API goes one place down when
 * the next page is not outgoing too: of two versions of one product that say the same words
 * ("client" finds both Customer API v3 and v4), the current one comes first. A query that asks
 * for an old version ("deprecated customer api", "v3") keeps Pagefind's order.
 */
function currentFirst(query: string, pages: readonly PagefindPage[]): PagefindPage[] {
  const ordered = [...pages];
  if (asksForOutgoing.test(query)) return ordered;
  const isOutgoing = (page: PagefindPage | undefined) => outgoing.has(page?.meta['lifecycle'] ?? '');
  for (let at = 0; at < ordered.length - 1; at++) {
    if (isOutgoing(ordered[at]) && !isOutgoing(ordered[at + 1])) {
      [ordered[at], ordered[at + 1]] = [ordered[at + 1]!, ordered[at]!];
      at++;
    }
  }
  return ordered;
}

function hitOfPage(page: PagefindPage): SearchHit {
  const { meta } = page;
  return {
    url: page.url,
    title: meta['title'] ?? page.url,
    excerpt: page.excerpt,
    kind: meta['kind'] ?? 'page',
    ...definedMeta(meta),
  };
}

function hitOfOperation(sub: PagefindSubResult, page: PagefindPage): SearchHit {
  return {
    url: sub.url,
    title: sub.title,
    excerpt: sub.excerpt,
    kind: page.meta['type'] === 'event' ? 'message' : 'operation',
    ...definedMeta(page.meta),
  };
}

function definedMeta(meta: PagefindPage['meta']): Pick<SearchHit, 'api' | 'domain' | 'type' | 'lifecycle'> {
  const picked: Pick<SearchHit, 'api' | 'domain' | 'type' | 'lifecycle'> = {};
  for (const key of ['api', 'domain', 'type', 'lifecycle'] as const) {
    const value = meta[key];
    if (value) picked[key] = value;
  }
  return picked;
}
