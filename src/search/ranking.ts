/**
 * Pagefind's ranking, shared by the search dialog, the search page and the relevance test, so the
 * test measures what readers get. On tests/search/queries.yaml (126 queries, 51 of them in a
 * reader's words), pageLength 0.5 gave hit@3 88.9%, 0.1 gives 91.3% (hit@1 60.3% to 65.1%); 0
 * to 0.1 and termSaturation 1.0 to 1.4 give the same. What made the difference before is what
 * the index holds (indexed-html.ts, synonyms.ts) and the rows of hits.ts.
 *
 * - pageLength 0.1 (default 0.75): an API page with its operations is long, and the glossary's
 *   synonyms make it longer; it is hardly punished for it.
 * - metaWeights: the title (an API's, a guide's) counts most; the API and domain names each
 *   result carries count a little, so "billing dispute" prefers the billing API.
 */
export const searchRanking = {
  termFrequency: 1,
  pageLength: 0.1,
  termSaturation: 1.4,
  termSimilarity: 1,
  metaWeights: { title: 5, api: 1, domain: 0.5 },
} as const;
