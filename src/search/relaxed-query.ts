import { closest, distance } from 'fastest-levenshtein';
import { unmatchedWords, type PagefindPage } from './hits.ts';

/** Shorter words are not corrected: too many others are one letter away. */
export const shortestCorrected = 4;

/** Pagefind's search, as the fallback needs it. */
export interface Searcher {
  /** The first pages found for a query, with their data. */
  pages(query: string): Promise<PagefindPage[]>;
  /** How many pages a query finds. */
  count(query: string): Promise<number>;
  /** The words a misspelling may be corrected to (search-words.json), loaded when first needed. */
  vocabulary(): Promise<readonly string[]>;
}

/** How far a misspelt word may be from its correction: one edit in a short word, two in a longer one. */
const allowedEdits = (word: string) => (word.length >= 6 ? 2 : 1);

/**
 * What to search instead of `sent` (the query as sent to Pagefind) when its first `pages` miss
 * one of its words, or undefined to keep them. Pagefind requires every word and matches a
 * misspelt one by a shorter prefix of it ("invocie" finds "in"): a word no result holds is
 * replaced by the closest word of the vocabulary that finds pages ("custmer", "adress"), or left
 * out; when the words are each somewhere but never together, the one fewest pages hold is left out
 * ("flat" in "customer moved to a new flat"). When every word is left out, no page is found.
 */
export async function relaxedSearch(
  sent: string,
  pages: readonly PagefindPage[],
  searcher: Searcher,
): Promise<{ query: string; pages: PagefindPage[] } | undefined> {
  const words = sent.split(/\s+/).filter(Boolean);
  const unmatched = new Set(pages.length > 0 ? unmatchedWords(sent, pages) : await wordsFoundNowhere(words, searcher));
  if (pages.length > 0 && unmatched.size === 0) return undefined;
  const vocabulary = unmatched.size > 0 ? await searcher.vocabulary() : [];
  const kept: string[] = [];
  for (const word of words) {
    const correction = unmatched.has(word) ? await correctionOf(word.toLowerCase(), searcher, vocabulary) : word;
    if (correction) kept.push(correction);
  }
  // Pagefind's pages for a word none of them holds match a shortened prefix of it ("de" for "déménagement"): unrelated.
  if (kept.length === 0) return pages.length > 0 ? { query: sent, pages: [] } : undefined;
  let query = kept.join(' ');
  if (kept.length > 1 && (await searcher.count(query)) === 0) query = (await withoutOneWord(kept, searcher)) ?? query;
  if (!query || query === sent) return undefined;
  const found = await searcher.pages(query);
  return found.length > 0 ? { query, pages: found } : undefined;
}

/** The words that find no page holding them, each searched alone. */
async function wordsFoundNowhere(words: readonly string[], searcher: Searcher): Promise<string[]> {
  const alone = await Promise.all(words.map(async (word) => (word.length < shortestCorrected ? [] : unmatchedWords(word, await searcher.pages(word)))));
  return alone.flat();
}

async function correctionOf(word: string, searcher: Searcher, vocabulary: readonly string[]): Promise<string | undefined> {
  if (word.length < shortestCorrected) return undefined;
  const near = vocabulary.filter((candidate) => candidate !== word && Math.abs(candidate.length - word.length) <= allowedEdits(word));
  if (near.length === 0) return undefined;
  const best = closest(word, near);
  if (distance(word, best) > allowedEdits(word)) return undefined;
  return (await searcher.count(best)) > 0 ? best : undefined;
}

/**
 * The query without one word, when that finds pages: the word fewest pages hold on their own, as
 * the reader's word that the catalogue uses for something else ("flat" in "customer moved to a new flat").
 */
async function withoutOneWord(words: readonly string[], searcher: Searcher): Promise<string | undefined> {
  const options = await Promise.all(
    words.map(async (word, index) => {
      const query = words.filter((_, other) => other !== index).join(' ');
      return { query, found: await searcher.count(query), alone: await searcher.count(word) };
    }),
  );
  return options.filter((option) => option.found > 0).sort((a, b) => a.alone - b.alone)[0]?.query;
}
