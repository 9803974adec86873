import { Parser } from 'htmlparser2';

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

/**
 * The page as Pagefind needs it: the same HTML with the content of the elements it is told to
 * exclude (`notIndexed`) taken out, their tags kept. Pagefind drops that content itself, so it
 * builds the same index from either (checked on the benchmark catalogues, file for file), reading
 * a third of the bytes. Content Pagefind reads even there, or that two parsers could read unlike,
 * is kept; a page whose excluded elements do not end with their own end tag is returned whole.
 */
export function indexedHtml(html: string): string {
  return scanPage(html).indexed;
}

/** A start tag as the scanner reads it: attribute values as written, entities not decoded. */
export type TagVisitor = (name: string, attributes: Record<string, string>) => void;

/**
 * indexedHtml, telling `visit` of each start tag on the way, so one parse serves whoever else reads
 * the page's tags (the link check). `complete` is false when the scanner stopped before the end
 * (a page it is unsure of, returned whole), so `visit` missed the tags after that point.
 */
export function scanPage(html: string, visit?: TagVisitor): { indexed: string; complete: boolean } {
  const cuts: number[] = [];
  let unsure = false;
  let depth = 0;
  let foreignDepth = 0;
  let excluded: Excluded | undefined;
  const keepContent = () => {
    if (excluded) excluded.kept = true;
  };
  const giveUp = () => {
    unsure = true;
    scanner.pause();
  };
  const scanner = new HtmlScanner(
    {
      onopentag(name, attributes, isImplied) {
        visit?.(name, attributes);
        const isVoid = scanner.isVoid(name);
        if (excluded) {
          if (isImplied || keptInside.has(name) || isReadByPagefind(attributes)) excluded.kept = true;
          if (!isVoid) depth++;
          return;
        }
        if (isVoid) return;
        depth++;
        if (foreignDepth === 0 && (name === 'svg' || name === 'math')) foreignDepth = depth;
        if (!isExcluded(name, attributes)) return;
        // An HTML element opened in SVG or MathML ends the foreign content in a browser, not in htmlparser2.
        if (foreignDepth > 0) return giveUp();
        // `<pre/>` opens an element in HTML, yet a parser could take it as closed.
        const selfClosing = html[scanner.endIndex - 1] === '/';
        excluded = { depth, contentStart: scanner.endIndex + 1, kept: selfClosing };
      },
      onclosetag(name, isImplied) {
        if (scanner.isVoid(name)) return;
        const closed = depth--;
        if (closed === foreignDepth) foreignDepth = 0;
        if (!excluded) return;
        if (closed > excluded.depth) {
          if (isImplied) excluded.kept = true;
          return;
        }
        if (isImplied) return giveUp();
        if (!excluded.kept) cuts.push(excluded.contentStart, scanner.startIndex);
        excluded = undefined;
      },
      oncomment: keepContent,
      oncdatastart: keepContent,
      onprocessinginstruction: keepContent,
    },
    { decodeEntities: false },
  );
  scanner.end(html);
  if (unsure || cuts.length === 0) return { indexed: html, complete: !unsure };
  const parts = [html.slice(0, cuts[0])];
  for (let i = 1; i < cuts.length; i += 2) parts.push(html.slice(cuts[i], cuts[i + 1]));
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
