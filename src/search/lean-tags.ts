/**
 * Elements Pagefind reads nothing of but their text: no space around them (word-boundaries.ts
 * puts one where two words would run together), no title, no content it drops. Without an
 * attribute Pagefind reads, the index is the same without their tags.
 */
const plainTags = new Set([
  'a',
  'abbr',
  'b',
  'code',
  'dd',
  'details',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'i',
  'kbd',
  'mark',
  'ol',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'time',
]);
/** Elements whose every attribute stays: what Pagefind reads of the page (its title, image, language) or reads unlike other elements. */
const keptWhole = new Set([
  'html',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'h1',
  'script',
  'style',
  'template',
  'textarea',
  'iframe',
  'noscript',
  'svg',
  'math',
]);

/** The attributes Pagefind reads of an element in the indexed body: its anchor id, its own data-pagefind-* ones, its language. */
function readByPagefind(attribute: string): boolean {
  return attribute === 'id' || attribute === 'lang' || attribute.startsWith('data-pagefind-');
}

/** What becomes of one start tag, and whether Pagefind reads the element's own text apart (its direct text: an anchor's, a title's, a filter's). */
export interface LeanTag {
  /** undefined: the tag stays as written; '': it is left out, its end tag too; else the tag to write instead. */
  tag: string | undefined;
  readsOwnText: boolean;
}

/**
 * A start tag as the index needs it: only the attributes Pagefind reads, and no tag at all for
 * a plain element without them, unless its parent is an element whose own text Pagefind reads
 * apart (an anchor's text is the text right inside it): the plain element's text would become
 * the parent's. On the benchmark's API pages, classes and labels are two thirds of the bytes
 * Pagefind parses.
 */
export function leanTag(name: string, attributes: Record<string, string>, parentReadsOwnText: boolean): LeanTag {
  const names = Object.keys(attributes);
  const kept = names.filter(readByPagefind);
  const readsOwnText = keptWhole.has(name) || /^h[1-6]$/.test(name) || kept.length > 0;
  if (keptWhole.has(name)) return { tag: undefined, readsOwnText };
  if (kept.length === 0 && plainTags.has(name) && !parentReadsOwnText) return { tag: '', readsOwnText: false };
  if (kept.length === names.length) return { tag: undefined, readsOwnText };
  return { tag: `<${name}${kept.map((attribute) => ` ${attribute}="${attributes[attribute]!.replace(/"/g, '&quot;')}"`).join('')}>`, readsOwnText };
}
