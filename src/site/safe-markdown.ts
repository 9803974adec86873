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

/** How links are published: `link` gives the URL a link or image is published with (root-relative ones moved under a base path, say). */
export interface PublishOptions {
  link?: (url: string) => string;
}

/**
 * Catalogue Markdown made safe to publish as Markdown, by the rules the pages' renderer applies
 * (markdown.ts): raw HTML removed, a link to a scheme other than http(s) or mailto replaced by its
 * text, an image from another origin by its alt text; with `options.link`, the URLs of links,
 * images and link definitions it changes are written anew. Everything else is kept byte for byte.
 */
export function sanitiseMarkdown(markdown: string, options: PublishOptions = {}): string {
  if (!mayBeUnsafe(markdown) && !(options.link && mayHaveRootLink(markdown))) return markdown;
  const context = { link: options.link ?? ((url: string) => url), definitions: new Map<string, string>() };
  let current = markdown;
  for (let pass = 0; pass < maxPasses; pass++) {
    const tree = parser.parse(current);
    const next = rewrite(tree, current, { ...context, definitions: definitionsOf(tree) });
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

/** Whether the text may hold a link, image or definition to a root-relative URL (`](/x/)`, `]: /x/`). */
function mayHaveRootLink(text: string): boolean {
  return /\]\(\s*<?\/|\]:\s*<?\//.test(text);
}

type Definitions = ReadonlyMap<string, string>;

/** What rewriting reads besides the source: the link definitions, and how each URL is published. */
interface Rewriting {
  definitions: Definitions;
  link: (url: string) => string;
}

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

/** The source of `node` with its unsafe parts replaced, and its URLs as published. */
function rewrite(node: Nodes, source: string, context: Rewriting): string {
  switch (node.type) {
    case 'html':
      return '';
    case 'definition': {
      if (!isSafeHref(node.url)) return '';
      const url = context.link(node.url);
      return url === node.url ? sourceOf(node, source) : `[${node.label ?? node.identifier}]: ${destination(url, node.title)}`;
    }
    case 'link': {
      if (!isSafeHref(node.url)) return inner(node, source, context);
      const url = context.link(node.url);
      return url === node.url ? withChildren(node, source, context) : `[${inner(node, source, context)}](${destination(url, node.title)})`;
    }
    case 'linkReference':
      // Its URL is its definition's, rewritten there.
      return isSafeHref(context.definitions.get(node.identifier) ?? '') ? withChildren(node, source, context) : inner(node, source, context);
    case 'image': {
      if (!isLocalImage(node.url)) return escapeMarkdown(node.alt ?? '');
      const url = context.link(node.url);
      return url === node.url ? sourceOf(node, source) : `![${escapeMarkdown(node.alt ?? '')}](${destination(url, node.title)})`;
    }
    case 'imageReference':
      return isLocalImage(context.definitions.get(node.identifier) ?? '') ? sourceOf(node, source) : escapeMarkdown(node.alt ?? '');
    default:
      return 'children' in node ? withChildren(node, source, context) : sourceOf(node, source);
  }
}

/** A link destination and title as Markdown writes them: the URL in angle brackets, which hold any character but these. */
function destination(url: string, title: string | null | undefined): string {
  const written = `<${url.replace(/[<>\\\n]/g, (c) => encodeURIComponent(c))}>`;
  return title ? `${written} "${title.replace(/["\\]/g, '\\$&')}"` : written;
}

function sourceOf(node: Nodes, source: string): string {
  return node.type === 'root' ? source : source.slice(node.position?.start.offset, node.position?.end.offset);
}

/** The node's own source, each child's range replaced by the child rewritten. */
function withChildren(node: Nodes & { children: Nodes[] }, source: string, context: Rewriting): string {
  const start = node.type === 'root' ? 0 : node.position!.start.offset!;
  const end = node.type === 'root' ? source.length : node.position!.end.offset!;
  return splice(node.children, source, start, end, context);
}

/** What a link holds, without the brackets and URL around it. */
function inner(node: Nodes & { children: Nodes[] }, source: string, context: Rewriting): string {
  const positioned = node.children.filter((child) => child.position);
  if (positioned.length === 0) return '';
  return splice(positioned, source, positioned[0]!.position!.start.offset!, positioned.at(-1)!.position!.end.offset!, context);
}

function splice(children: readonly Nodes[], source: string, start: number, end: number, context: Rewriting): string {
  let out = '';
  let at = start;
  // A child without a position (made by a transform, never unsafe) stays in the source around it.
  for (const child of children.filter((c) => c.position)) {
    out += source.slice(at, child.position!.start.offset) + rewrite(child, source, context);
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
