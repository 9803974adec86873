import type { GlossaryTerm } from '../catalog/model.ts';

/** The words of a text as the glossary compares them: lower-cased letters and digits, an apostrophe kept inside a word. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A phrase of the glossary as words, with the locale it is a word of (none: every locale's). */
interface Phrase {
  words: string[];
  locale?: string;
}

/** Endings a page's word may add to the glossary's: "bills", "ordering", "ordered" say "bill" and "order". */
const endings = ['', 's', 'es', 'ed', 'ing', 'ings'];
/** Whether a page's word `word` is the glossary's `wanted`, or it with one of the endings. */
const isWord = (word: string, wanted: string) => word.startsWith(wanted) && endings.includes(word.slice(wanted.length));

/** Text of a page as the index weighs it: its words and the Pagefind weight they have there. */
export interface WeightedWords {
  words: string[];
  weight: number;
}

/** Synonyms to add at one weight. */
export interface AddedSynonyms {
  weight: number;
  phrases: string[];
}

/** The glossary compiled for the index: which synonyms a part of a page calls for. */
export interface Synonyms {
  /** Changes with the glossary: part of the keys of what the index is made of. */
  digest: string;
  /**
   * The phrases to add to a part of a page in `locale` (its text, by weight): the other words of
   * every term it says, not already in it, each at the highest weight the term has there, so a
   * synonym counts as the term does (in a title, more than in a paragraph).
   */
  added(parts: readonly WeightedWords[], locale: string): AddedSynonyms[];
}

/**
 * Compiles the glossary. A page says a term when its text holds the term, a synonym of the plain
 * list or one of its own locale's synonyms (a plural counts: "bills" says "bill"); the page is then
 * given the term's other words, every locale's, so a French reader's "facture" finds an English
 * page about bills. Another locale's word does not tell: "client" in an English page is not a customer.
 */
export function compileSynonyms(glossary: readonly GlossaryTerm[]): Synonyms {
  const terms: Phrase[][] = glossary.map(({ term, synonyms }) =>
    [{ words: wordsOf(term) }, ...synonyms.map(({ text, locale }) => ({ words: wordsOf(text), ...(locale ? { locale } : {}) }))].filter(
      (p) => p.words.length > 0,
    ),
  );
  // Each phrase by its first word, so a text is read once whatever the glossary's size.
  const byFirstWord = new Map<string, { term: number; phrase: number }[]>();
  terms.forEach((phrases, term) =>
    phrases.forEach(({ words }, phrase) => byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), { term, phrase }])),
  );
  /** The phrases of each term found in `words`. */
  const find = (words: readonly string[]) => {
    const found = new Map<number, Set<number>>();
    words.forEach((word, at) => {
      for (const stem of new Set(endings.map((ending) => (ending && word.endsWith(ending) ? word.slice(0, -ending.length) : word)))) {
        for (const { term, phrase } of byFirstWord.get(stem) ?? []) {
          if (terms[term]![phrase]!.words.every((w, i) => isWord(words[at + i] ?? '', w))) found.set(term, (found.get(term) ?? new Set()).add(phrase));
        }
      }
    });
    return found;
  };
  const digest = JSON.stringify(terms);
  if (terms.length === 0) return { digest, added: () => [] };
  return {
    digest,
    added(parts, locale) {
      const language = locale.split('-')[0];
      const tells = (phrase: Phrase) => phrase.locale === undefined || phrase.locale.split('-')[0] === language;
      const present = find(parts.flatMap((part) => [...part.words, '']));
      const weightOf = new Map<number, number>();
      for (const { words, weight } of [...parts].sort((a, b) => b.weight - a.weight)) {
        for (const [term, phrases] of find(words)) {
          if (!weightOf.has(term) && [...phrases].some((p) => tells(terms[term]![p]!))) weightOf.set(term, weight);
        }
      }
      const byWeight = new Map<number, Set<string>>();
      for (const [term, weight] of weightOf) {
        const shown = terms[term]!.filter((_, p) => !present.get(term)?.has(p)).map(({ words }) => words.join(' '));
        if (shown.length > 0) byWeight.set(weight, new Set([...(byWeight.get(weight) ?? []), ...shown]));
      }
      return [...byWeight].sort(([a], [b]) => b - a).map(([weight, phrases]) => ({ weight, phrases: [...phrases] }));
    },
  };
}
