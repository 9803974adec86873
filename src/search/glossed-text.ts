import { decodeHTML } from 'entities';
import { wordsOf, type Synonyms } from './synonyms.ts';

/** A change to a page: the bytes from `at` to `end` replaced by `text`. */
export interface Edit {
  at: number;
  end: number;
  text: string;
}

/** An element whose text is a title (a heading, a meta value): its end, once read, and its weight. */
interface Title {
  end?: number;
  weight: number;
}

/** A text of the page: its words, and where its synonyms go (after its title, when it is in one). */
interface Text {
  words: string[];
  end: number;
  title?: Title;
}

/** Elements whose text Pagefind takes as a title or a value: their synonyms go after them. */
const titleTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whether an element's text is a title, or a meta or filter value (one named without `:value` or `[attribute]`). */
export function isTitle(name: string, attributes: Record<string, string>): boolean {
  const takesText = (value: string | undefined) => value?.split(',').some((entry) => !/[:[]/.test(entry)) ?? false;
  return titleTags.has(name) || takesText(attributes['data-pagefind-meta']) || takesText(attributes['data-pagefind-filter']);
}

/**
 * The text of one part of a page (from one of Pagefind's anchors to the next) as scanPage reads
 * it, and the glossary's synonyms it calls for, each term's right after the first text that says
 * it: "monthly bills (invoice, statement, facture)", so an excerpt reads as a gloss and the
 * synonyms weigh what the term weighs there. After a title, not in it (a result's title stays its own).
 */
export class GlossedText {
  private readonly synonyms: Synonyms;
  private texts: Text[] = [];
  private readonly titles: Title[] = [];

  constructor(synonyms: Synonyms) {
    this.synonyms = synonyms;
  }

  /** An element whose text is a title opens, at `weight`. */
  openTitle(weight: number): void {
    this.titles.push({ weight });
  }

  /** The innermost title closes; `end` is just past its end tag. */
  closeTitle(end: number): void {
    const title = this.titles.pop();
    if (title) title.end = end;
  }

  /** A text of the page, as written (entities not decoded), ending just before `end`. */
  add(text: string, end: number): void {
    const words = wordsOf(text.includes('&') ? decodeHTML(text) : text);
    if (words.length === 0) return;
    const title = this.titles[0];
    // Before the text's last spaces, or the synonyms run into an inline element after it:
    // "an order that is (commande) <code>acknowledged", not "(commande)acknowledged".
    const before = end - (text.length - text.trimEnd().length);
    this.texts.push(title ? { words, end: before, title } : { words, end: before });
  }

  /** The part ends: the edits that add its synonyms, in `locale`. */
  flush(locale: string): Edit[] {
    const texts = this.texts;
    this.texts = [];
    if (texts.length === 0) return [];
    return this.synonyms
      .added(
        texts.map((t) => t.words),
        locale,
      )
      .flatMap(({ part, phrases }): Edit[] => {
        const { end, title } = texts[part]!;
        const gloss = `(${escapeText(phrases.join(', '))})`;
        if (!title) return [{ at: end, end, text: ` ${gloss}` }];
        // A title still open when its part ends (an anchor inside a heading) gets none.
        return title.end === undefined ? [] : [{ at: title.end, end: title.end, text: `<p data-pagefind-weight="${title.weight}">${gloss}</p>` }];
      });
  }
}

/** Catalogue words as HTML text. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
