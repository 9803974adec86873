import type { Catalog } from '../catalog/model.ts';
import type { GuideSummary } from '../site/content.ts';
import { shortestCorrected } from './relaxed-query.ts';
import { compileSynonyms, wordsOf } from './synonyms.ts';

/** The most words the file holds: the misspelling fallback loads it whole. */
const mostWords = 20_000;

/**
 * The words a misspelt query word is corrected to (search-words.json): those of the names,
 * summaries and business text of the APIs, operations, domains, services and guides of the
 * build's audience, and the glossary's for the terms that text says (as the index gets them: a
 * term only hidden APIs say stays out), most frequent first (so a tie goes to the commoner word).
 */
export function searchVocabulary(catalog: Catalog, guides: readonly GuideSummary[]): string[] {
  const texts: (string | undefined)[] = [];
  for (const api of catalog.apis) {
    texts.push(api.name, api.summary, api.business.purpose, api.business.triggers, ...(api.tags ?? []));
    for (const op of api.contract.operations) texts.push(op.summary, op.description);
  }
  for (const node of [...catalog.domains, ...catalog.services]) texts.push(node.name, node.summary);
  for (const guide of guides) texts.push(guide.title, guide.description);
  const words = texts.map((text) => wordsOf(text ?? ''));
  for (const { phrases } of compileSynonyms(catalog.glossary).added(words, 'en')) words.push(...phrases.map(wordsOf));
  const counts = new Map<string, number>();
  for (const word of words.flat()) if (word.length >= shortestCorrected && !/\d/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, mostWords)
    .map(([word]) => word);
}
