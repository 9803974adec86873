import { Parser } from 'htmlparser2';
import { GlossedText, isTitle, type Edit } from './glossed-text.ts';
import type { Synonyms } from './synonyms.ts';
import { leanTag } from './lean-tags.ts';
import { WordBoundaries } from './word-boundaries.ts';

/**
 * What the index leaves out, besides what Pagefind skips on its own (nav, footer, forms, scripts):
 * schema trees, code and example bodies. Readers search in the words of the business; property
 * dumps would only weigh on the index and blur the ranking. Each is a class (`.name`) or a tag.
 */
export const notIndexed = ['.schema', '.code-block', '.component', 'pre', 'thead'];

const excludedClasses = new Set(notIndexed.filter((s) => s.startsWith('.')).map((s) => s.slice(1)));
const excludedTags = new Set(notIndexed.filter((s) => /^[a-z]+$/.test(s)));
if (excludedClasses.size + excludedTags.size !== notIndexed.length) throw new Error('notIndexed holds a selector that indexedHtml cannot match');

/** What Pagefind reads even inside an excluded element: the first h1 is its title and the first img its image, title and html give the page's title and language, a link its check for an old bundle. */
const readByPagefind = ['h1', 'img', 'title', 'html', 'link'];
/** Elements whose content Pagefind's parser and htmlparser2 might read unlike: raw text, inert or foreign content. */
const readUnlike = ['script', 'style', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'svg', 'math'];
/** The elements an excluded element may not hold for its content to be dropped. */
const keptInside = new Set([...readByPagefind, ...readUnlike]);
/** Elements whose content Pagefind leaves out of its own accord, so their words are not the page's. */
const droppedByPagefind = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** The weight Pagefind gives the words of a heading without a data-pagefind-weight. */
const headingWeights: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

/** htmlparser2's parser, telling which elements it closes as soon as it opens them. */
class HtmlScanner extends Parser {
  isVoid(name: string): boolean {
    return this.isVoidElement(name);
  }
}

/** The outermost excluded element being read: its depth among the open elements, where its content starts, and whether that content must stay. */
interface Excluded {
  depth: number;
  contentStart: number;
  kept: boolean;
}

/** What the index is given of a page besides its own text. */
export interface IndexOptions {
  /** The glossary's synonyms, added to each part of the page that says a term. */
  synonyms?: Synonyms;
}

/**
 * The page as Pagefind needs it: the same HTML with the content of the elements it is told to
 * exclude (`notIndexed`) taken out, their tags kept, and each other tag reduced to what Pagefind
 * reads of it (lean-tags.ts). Pagefind would drop that content and those attributes itself, so
 * it reads about a half of the bytes for the same index (on the benchmark's site, byte for byte).
 * Content Pagefind reads even there, or that two parsers could read unlike, is kept; a page whose
 * excluded or left-out elements do not end with their own end tag is returned whole. Two things
 * are added for the index only: a space where two words would run together across tags (a badge
 * and the text after it), and the glossary's synonyms.
 */
export function indexedHtml(html: string, options: IndexOptions = {}): string {
  return scanPage(html, undefined, options).indexed;
}

/** A start tag as the scanner reads it: attribute values as written, entities not decoded. */
export type TagVisitor = (name: string, attributes: Record<string, string>) => void;

/**
 * indexedHtml, telling `visit` of each start tag on the way, so one parse serves whoever else reads
 * the page's tags (the link check). `complete` is false when the scanner stopped before the end
 * (a page it is unsure of, returned whole), so `visit` missed the tags after that point.
 *
 * The synonyms are added by part of the page (from one element with an id, Pagefind's anchors,
 * to the next), so an operation is found by the synonyms of the words it holds, as a sub-result
 * of its own (glossed-text.ts).
 */
export function scanPage(html: string, visit?: TagVisitor, options: IndexOptions = {}): { indexed: string; complete: boolean } {
  const { synonyms } = options;
  const edits: Edit[] = [];
  let unsure = false;
  let depth = 0;
  let foreignDepth = 0;
  let bodyDepth = 0;
  let ignoredDepth = 0;
  let excluded: Excluded | undefined;
  let locale = 'en';
  const boundaries = new WordBoundaries();
  // The text of the part of the page since the last anchor; the weight of each open element and whether it is a title.
  const glossed = synonyms && new GlossedText(synonyms);
  const weights: number[] = [1];
  const titles: boolean[] = [];
  // At each depth: whether the open element's start tag was left out (leanTag), so its end tag goes too, and whether
  // Pagefind reads the text right inside it apart (true where unsure, so nothing is left out in it).
  const dropped: boolean[] = [];
  const ownText: boolean[] = [false];
  const keepContent = () => {
    if (excluded) excluded.kept = true;
  };
  const giveUp = () => {
    unsure = true;
    scanner.pause();
  };
  const flush = () => {
    if (glossed) edits.push(...glossed.flush(locale));
  };
  const closeExcluded = (open: Excluded, closed: number, isImplied: boolean) => {
    if (closed > open.depth) {
      if (isImplied) open.kept = true;
      return;
    }
    if (isImplied) return giveUp();
    if (!open.kept) edits.push({ at: open.contentStart, end: scanner.startIndex, text: '' });
    excluded = undefined;
  };
  const scanner = new HtmlScanner(
    {
      onopentag(name, attributes, isImplied) {
        visit?.(name, attributes);
        boundaries.cross(name);
        const isVoid = scanner.isVoid(name);
        if (excluded) {
          if (isImplied || keptInside.has(name) || isReadByPagefind(attributes)) excluded.kept = true;
          if (!isVoid) depth++;
          return;
        }
        if (name === 'html' && attributes['lang']) locale = attributes['lang'].toLowerCase();
        if (bodyDepth > 0 && ignoredDepth === 0 && 'id' in attributes) flush();
        if (isVoid) return;
        depth++;
        dropped[depth] = false;
        ownText[depth] = true;
        if (foreignDepth === 0 && !isExcluded(name, attributes)) {
          const { tag, readsOwnText } = leanTag(name, attributes, ownText[depth - 1] ?? false);
          if (tag !== undefined) edits.push({ at: scanner.startIndex, end: scanner.endIndex + 1, text: tag });
          dropped[depth] = tag === '';
          // A plain element left out gives its text to its parent, as if it were the parent's own.
          ownText[depth] = tag === '' ? (ownText[depth - 1] ?? false) : readsOwnText;
        }
        const weight = Number(attributes['data-pagefind-weight'] ?? headingWeights[name] ?? weights[depth - 1] ?? 1);
        weights[depth] = Number.isFinite(weight) ? weight : (weights[depth - 1] ?? 1);
        titles[depth] = isTitle(name, attributes);
        if (titles[depth]) glossed?.openTitle(weights[depth]!);
        if (foreignDepth === 0 && (name === 'svg' || name === 'math')) foreignDepth = depth;
        if (bodyDepth === 0 && 'data-pagefind-body' in attributes) bodyDepth = depth;
        if (ignoredDepth === 0 && (droppedByPagefind.has(name) || 'data-pagefind-ignore' in attributes)) ignoredDepth = depth;
        if (!isExcluded(name, attributes)) return;
        // An HTML element opened in SVG or MathML ends the foreign content in a browser, not in htmlparser2.
        if (foreignDepth > 0) return giveUp();
        // `<pre/>` opens an element in HTML, yet a parser could take it as closed.
        const selfClosing = html[scanner.endIndex - 1] === '/';
        excluded = { depth, contentStart: scanner.endIndex + 1, kept: selfClosing };
      },
      onclosetag(name, isImplied) {
        boundaries.cross(name);
        if (scanner.isVoid(name)) return;
        const closed = depth--;
        if (!excluded && dropped[closed]) {
          // An end tag the parser implied may stand elsewhere in the page for Pagefind's: the page is given whole.
          if (isImplied) return giveUp();
          edits.push({ at: scanner.startIndex, end: scanner.endIndex + 1, text: '' });
        }
        if (!excluded && titles[closed]) glossed?.closeTitle(scanner.endIndex + 1);
        if (closed === foreignDepth) foreignDepth = 0;
        if (closed === ignoredDepth) ignoredDepth = 0;
        if (excluded) return closeExcluded(excluded, closed, isImplied);
        if (closed !== bodyDepth) return;
        bodyDepth = 0;
        flush();
      },
      ontext(text) {
        if (excluded || bodyDepth === 0 || ignoredDepth > 0) return;
        if (boundaries.needsSpace(text)) edits.push({ at: scanner.startIndex, end: scanner.startIndex, text: ' ' });
        glossed?.add(text, scanner.endIndex + 1);
      },
      oncomment: keepContent,
      oncdatastart: keepContent,
      onprocessinginstruction: keepContent,
    },
    { decodeEntities: false },
  );
  scanner.end(html);
  if (unsure || edits.length === 0) return { indexed: html, complete: !unsure };
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  const parts: string[] = [];
  let from = 0;
  for (const { at, end, text } of edits) {
    parts.push(html.slice(from, at), text);
    from = end;
  }
  parts.push(html.slice(from));
  return { indexed: parts.join(''), complete: true };
}

function isExcluded(name: string, attributes: Record<string, string>): boolean {
  if (excludedTags.has(name)) return true;
  return attributes['class']?.split(/\s+/).some((token) => excludedClasses.has(token)) ?? false;
}

/** Whether an element carries what Pagefind reads even inside an excluded one: its own attributes, or an id it numbers its anchors by. */
function isReadByPagefind(attributes: Record<string, string>): boolean {
  return Object.keys(attributes).some((name) => name === 'id' || name.startsWith('data-pagefind-'));
}
