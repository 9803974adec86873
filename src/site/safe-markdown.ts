import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isLocalImage, isSafeHref } from '../catalog/safe-urls.ts';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Removing a piece can join its neighbours into a new one (`<scr<b>ipt>` becomes `<script>`), so
 * the text is read again until nothing changes; after this many passes it is published as plain text.
 */
const maxPasses = 8;

/**
 * Catalogue Markdown made safe to publish as Markdown, by the rules the pages' renderer applies
 * (markdown.ts): raw HTML removed, a link to a scheme other than http(s) or mailto replaced by its
 * text, an image from another origin by its alt text. Everything else is kept byte for byte.
 */
export function sanitiseMarkdown(markdown: string): string {
  if (!mayBeUnsafe(markdown)) return markdown;
  let current = markdown;
  for (let pass = 0; pass < maxPasses; pass++) {
    const tree = parser.parse(current);
    const next = rewrite(tree, current, definitionsOf(tree));
    if (next === current) return current;
    current = next;
  }
  return escapeMarkdown(plainText(parser.parse(current)));
}

/**
 * Whether the text needs parsing, for contracts hold thousands of descriptions. Safe without: text
 * with no raw HTML or autolink (`<`), no image (`![`), no entity or backslash escape that could
 * hide a colon (`&`, `\\`), and no colon other than those of `http:`, `https:` and `mailto:` (a link to another
 * scheme needs one).
 */
function mayBeUnsafe(text: string): boolean {
  return /[<&\\]|!\[/.test(text) || text.replace(/(?<![\w+.-])(?:https?|mailto):/g, '').includes(':');
}

type Definitions = ReadonlyMap<string, string>;

/** Link definitions by identifier, the first of a name winning as in CommonMark. */
function definitionsOf(tree: Root): Definitions {
  const urls = new Map<string, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return urls;
}

/** The source of `node` with its unsafe parts replaced. */
function rewrite(node: Nodes, source: string, definitions: Definitions): string {
  switch (node.type) {
    case 'html':
      return '';
    case 'definition':
      return isSafeHref(node.url) ? sourceOf(node, source) : '';
    case 'link':
    case 'linkReference': {
      const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? '');
      return isSafeHref(url) ? withChildren(node, source, definitions) : inner(node, source, definitions);
    }
    case 'image':
    case 'imageReference': {
      const url = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '');
      return isLocalImage(url) ? sourceOf(node, source) : escapeMarkdown(node.alt ?? '');
    }
    default:
      return 'children' in node ? withChildren(node, source, definitions) : sourceOf(node, source);
  }
}

function sourceOf(node: Nodes, source: string): string {
  return node.type === 'root' ? source : source.slice(node.position?.start.offset, node.position?.end.offset);
}

/** The node's own source, each child's range replaced by the child rewritten. */
function withChildren(node: Nodes & { children: Nodes[] }, source: string, definitions: Definitions): string {
  const start = node.type === 'root' ? 0 : node.position!.start.offset!;
  const end = node.type === 'root' ? source.length : node.position!.end.offset!;
  return splice(node.children, source, start, end, definitions);
}

/** What a link holds, without the brackets and URL around it. */
function inner(node: Nodes & { children: Nodes[] }, source: string, definitions: Definitions): string {
  const positioned = node.children.filter((child) => child.position);
  if (positioned.length === 0) return '';
  return splice(positioned, source, positioned[0]!.position!.start.offset!, positioned.at(-1)!.position!.end.offset!, definitions);
}

function splice(children: readonly Nodes[], source: string, start: number, end: number, definitions: Definitions): string {
  let out = '';
  let at = start;
  // A child without a position (made by a transform, never unsafe) stays in the source around it.
  for (const child of children.filter((c) => c.position)) {
    out += source.slice(at, child.position!.start.offset) + rewrite(child, source, definitions);
    at = child.position!.end.offset!;
  }
  return out + source.slice(at, end);
}

function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('children' in node) return node.children.map(plainText).join(node.type === 'root' || node.type === 'list' ? '\n\n' : '');
  return 'value' in node ? node.value : '';
}

/** Text that Markdown shows as written: every ASCII punctuation character escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
