import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from '../catalog/diagnostics.ts';
import type { Catalog } from '../catalog/model.ts';
import { readPositioned, type PathSegment, type SourceDocument } from '../catalog/read-yaml.ts';
import { rebaseUrl } from '../site/base-links.ts';
import { baseRoot } from '../site/urls.ts';
import { urlsOf } from './page-links.ts';

/** A Markdown text the portal renders: the file it was written in (relative to the catalogue) and where its lines are in that file. */
export interface MarkdownText {
  file: string;
  text: string;
  /** The position in `file` of a 1-based line and column of `text`. */
  locate(at: Position): Position;
}

/** A link found in Markdown: where, and its URL as written. */
export interface LinkInSource {
  file: string;
  at: Position;
  written: string;
}

/** Where the Markdown of a build comes from. */
export interface MarkdownFolders {
  catalogDir: string;
  contentDir: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const businessFields = ['purpose', 'triggers', 'rules', 'policy'] as const;

/**
 * Every Markdown text the pages render from the catalogue and the content folder: the business
 * fields of each api.yaml, the descriptions of domains and services, the docs pages, the home
 * page and the guides. Read when a link is broken, so building them costs nothing otherwise.
 */
export async function markdownTexts(catalog: Catalog, folders: MarkdownFolders): Promise<MarkdownText[]> {
  const yaml = new Map<string, SourceDocument | undefined>();
  const field = (file: string, at: readonly PathSegment[], text: string | undefined): MarkdownText[] => {
    if (!text) return [];
    return [{ file, text, locate: (position) => fieldPosition(yamlOf(yaml, folders.catalogDir, file), at, position) }];
  };
  const whole = (file: string, text: string): MarkdownText => ({ file, text, locate: (position) => position });
  const content = await contentTexts(folders.contentDir);
  return [
    ...catalog.apis.flatMap((api) => [
      ...businessFields.flatMap((name) => field(api.source.file, ['business', name], api.business[name])),
      ...api.docs.map((doc) => whole(doc.source.file, doc.markdown)),
    ]),
    ...catalog.domains.flatMap((domain) => field(domain.source.file, ['description'], domain.description)),
    ...catalog.services.flatMap((service) => field(service.source.file, ['description'], service.description)),
    ...content.map(({ file, text }) => whole(path.relative(folders.catalogDir, file).split(path.sep).join('/'), text)),
  ];
}

/** content/index.md and the guides, whole: their lines are the files' own. */
async function contentTexts(contentDir: string): Promise<{ file: string; text: string }[]> {
  const guides = path.join(contentDir, 'guides');
  const names = (await readdir(guides).catch(() => [])).filter((name) => /\.mdx?$/.test(name)).sort();
  const files = [path.join(contentDir, 'index.md'), ...names.map((name) => path.join(guides, name))];
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => undefined)));
  return files.flatMap((file, at) => (texts[at] === undefined ? [] : [{ file, text: texts[at]! }]));
}

function yamlOf(cache: Map<string, SourceDocument | undefined>, catalogDir: string, file: string): SourceDocument | undefined {
  if (!cache.has(file)) {
    // Read again with positions, only for a file holding a broken link: the model keeps none.
    const text = readTextOrEmpty(path.join(catalogDir, file));
    cache.set(file, readPositioned(file, text).value);
  }
  return cache.get(file);
}

function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Where a line and column of a YAML field's Markdown stand in the file: exactly in a literal block
 * (`|`, whose lines are the text's) or a one-line plain value; else at the field's value.
 */
function fieldPosition(doc: SourceDocument | undefined, at: readonly PathSegment[], position: Position): Position {
  if (!doc) return { line: 1, column: 1 };
  const value = doc.locate(at);
  const lines = doc.text.split(/\r?\n/);
  const start = lines[value.line - 1]?.slice(value.column - 1) ?? '';
  if (start.startsWith('|')) {
    const line = value.line + position.line;
    return { line, column: (/^ */.exec(lines[line - 1] ?? '')?.[0].length ?? 0) + position.column };
  }
  if (position.line === 1 && !/^["'>]/.test(start)) return { line: value.line, column: value.column + position.column - 1 };
  return value;
}

/**
 * The links of the texts whose URL, served under `base`, is `url` (as a page holds it). `parsed`
 * keeps each text's links between calls: a guide that holds several broken links is parsed once.
 */
export function linksTo(url: string, texts: readonly MarkdownText[], base: string, parsed = new Map<MarkdownText, LinkAt[]>()): LinkInSource[] {
  const root = baseRoot(base);
  const unbased = root !== '/' && url.startsWith(`${root}/`) ? url.slice(root.length) : url;
  const candidates = [...new Set([url, unbased, decoded(url), decoded(unbased)])];
  const same = (written: string) => decoded(rebaseUrl(written, base)) === decoded(url);
  const found: LinkInSource[] = [];
  for (const source of texts) {
    if (!candidates.some((candidate) => source.text.includes(candidate))) continue;
    let links = parsed.get(source);
    if (!links) parsed.set(source, (links = linksIn(source.text)));
    for (const { written, at } of links) if (same(written)) found.push({ file: source.file, at: source.locate(at), written });
  }
  return found;
}

/** A URL as written in a text, at its 1-based line and column there. */
export interface LinkAt {
  written: string;
  at: Position;
}

/** Each link, image and link definition of a Markdown text, and each URL of its raw HTML (or MDX elements), with its position. */
function linksIn(text: string): LinkAt[] {
  const links: LinkAt[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start;
    if (start && (node.type === 'link' || node.type === 'image' || node.type === 'definition'))
      links.push({ written: node.url, at: { line: start.line, column: start.column } });
    if (start && node.type === 'html') links.push(...htmlLinks(node.value, start));
    if ('children' in node) node.children.forEach(visit);
  };
  visit(parser.parse(text));
  return links;
}

function htmlLinks(html: string, start: { line: number; column: number }): LinkAt[] {
  const links: LinkAt[] = [];
  const scanner = new Parser({
    onopentag(name, attributes) {
      const before = html.slice(0, scanner.startIndex);
      const newlines = before.split('\n').length - 1;
      const column = newlines === 0 ? start.column + before.length : before.length - before.lastIndexOf('\n');
      for (const written of urlsOf(name, attributes)) links.push({ written, at: { line: start.line + newlines, column } });
    },
  });
  scanner.end(html);
  return links;
}

function decoded(part: string): string {
  try {
    return decodeURI(part);
  } catch {
    return part;
  }
}
