/**
 * Elements that may sit inside a word ("<em>un</em>usual"). Between any others Pagefind adds no
 * space either (only around headings, paragraphs, divs, list items and cells), so a badge, a
 * label, a term of a list or a code span would run into the next word in its excerpts
 * ("KO409withdrawn"): a space is put there.
 */
const insideWords = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'strong',
  'sub',
  'sup',
  'u',
  'var',
  'wbr',
]);
/** Elements Pagefind puts spaces around itself (its sentence selectors). */
const spacedByPagefind = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const wordEnd = /[\p{L}\p{N}]$/u;
const wordStart = /^[\p{L}\p{N}]/u;

/** Where the indexed text needs a space so that two words do not run together across tags. */
export class WordBoundaries {
  // Since the last text: whether a tag that separates words came, or one Pagefind spaces itself; whether that text ended a word.
  private boundary = false;
  private spaced = false;
  private afterWord = false;

  /** A start or end tag is read. */
  cross(name: string): void {
    if (spacedByPagefind.has(name)) this.spaced = true;
    else if (!insideWords.has(name)) this.boundary = true;
  }

  /** A text the index reads: whether it needs a space before it. */
  needsSpace(text: string): boolean {
    const needs = this.boundary && !this.spaced && this.afterWord && wordStart.test(text);
    this.boundary = this.spaced = false;
    this.afterWord = wordEnd.test(text);
    return needs;
  }
}
