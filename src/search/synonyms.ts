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

/** A term's synonyms to add after one text of a part of a page. */
export interface AddedSynonyms {
  /** The text's index among the part's. */
  part: number;
  /** The glossary's term, as written there. */
  term: string;
  phrases: string[];
}

/** The glossary compiled for the index: which synonyms a part of a page calls for. */
export interface Synonyms {
  /** Changes with the glossary: part of the keys of what the index is made of. */
  digest: string;
  /**
   * The synonyms a part of a page in `locale` calls for (its texts, as words, in order): for every
   * term it says, the term's other words not already in it, after the first text that says it.
   */
  added(texts: readonly (readonly string[])[], locale: string): AddedSynonyms[];
}

/**
 * Compiles the glossary. A page says a term when its text holds the term, a synonym of the plain
 * list or one of its own locale's synonyms ("bills", "billing" say "bill"); the page is then
 * given the term's other words, every locale's, so a French reader's "facture" finds an English
 * page about bills. Another locale's word does not tell: "client" in an English page is not a customer.
 */
export function compileSynonyms(glossary: readonly GlossaryTerm[]): Synonyms {
  const written = glossary.map(({ term }) => term);
  const terms: Phrase[][] = glossary.map(({ term, synonyms }) =>
    [{ words: wordsOf(term) }, ...synonyms.map(({ text, locale }) => ({ words: wordsOf(text), ...(locale ? { locale } : {}) }))].filter(
      (p) => p.words.length > 0,
    ),
  );
  // Each phrase by every form of its first word, so a text is read once, one lookup a word, whatever the glossary's size.
  const byFirstWord = new Map<string, { term: number; phrase: number }[]>();
  terms.forEach((phrases, term) =>
    phrases.forEach(({ words }, phrase) => {
      for (const ending of endings) byFirstWord.set(`${words[0]}${ending}`, [...(byFirstWord.get(`${words[0]}${ending}`) ?? []), { term, phrase }]);
    }),
  );
  /** The phrases of each term found in `words`. */
  const find = (words: readonly string[]) => {
    const found = new Map<number, Set<number>>();
    words.forEach((word, at) => {
      for (const { term, phrase } of byFirstWord.get(word) ?? []) {
        if (terms[term]![phrase]!.words.every((w, i) => i === 0 || isWord(words[at + i] ?? '', w))) found.set(term, (found.get(term) ?? new Set()).add(phrase));
      }
    });
    return found;
  };
  const digest = JSON.stringify(terms);
  if (terms.length === 0) return { digest, added: () => [] };
  return {
    digest,
    added(texts, locale) {
      const language = locale.split('-')[0];
      const tells = (phrase: Phrase) => phrase.locale === undefined || phrase.locale.split('-')[0] === language;
      // What each text says, and the part as a whole (a phrase is found within one text).
      const present = new Map<number, Set<number>>();
      const said = new Map<number, number>();
      texts.forEach((words, part) => {
        for (const [term, phrases] of find(words)) {
          present.set(term, new Set([...(present.get(term) ?? []), ...phrases]));
          if (!said.has(term) && [...phrases].some((p) => tells(terms[term]![p]!))) said.set(term, part);
        }
      });
      return [...said].flatMap(([term, part]) => {
        const phrases = terms[term]!.filter((_, p) => !present.get(term)?.has(p)).map(({ words }) => words.join(' '));
        return phrases.length > 0 ? [{ part, term: written[term]!, phrases }] : [];
      });
    },
  };
}
