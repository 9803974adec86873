/**
 * Pagefind's ranking, shared by the search dialog, the search page and the relevance test, so the
 * test measures what readers get. Tuned on tests/search/queries.yaml.
 *
 * - termFrequency 1 and pageLength 0.5 (defaults 1 and 0.75): an operation record is a few
 *   lines and an API page a few screens; pages are not punished much for being long.
 * - metaWeights: the title (an API's or operation's name, a guide's title) counts most; the
 *   API and domain names a result shows count a little, so "billing dispute" prefers the
 *   operation of the billing API.
 */
export const searchRanking = {
  termFrequency: 1,
  pageLength: 0.5,
  termSaturation: 1.4,
  termSimilarity: 1,
  metaWeights: { title: 5, api: 1, domain: 0.5 },
} as const;
