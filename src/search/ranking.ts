/**
 * Pagefind's ranking, shared by the search dialog, the search page and the relevance test, so the
 * test measures what readers get. On tests/search/queries.yaml, Pagefind's defaults give hit@1
 * 76% and hit@3 96%; these give 79% and 96%. The ranking moves little: what made the difference
 * is what the index holds (see search-index.ts) and the rows of search-hits.ts.
 *
 * - pageLength 0.5 (default 0.75): an API page with its operations is long; it is not punished
 *   much for it.
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
