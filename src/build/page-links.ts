import { decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { scanPage, type IndexOptions } from '../search/indexed-html.ts';
import { urlAttributes } from '../site/base-links.ts';

/** What a page offers links and what it links to, as the link check needs them. */
export interface PageLinks {
  /** The ids of its elements, and the names of its `a` elements: what a `#fragment` may point to. */
  anchors: string[];
  /** Each URL within the portal it links to or loads, as written (entities decoded), once. */
  links: string[];
}

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative (`//host`): it leaves the portal, or is no file of it. */
const leavesThePortal = /^(?:[a-z][a-z\d+.-]*:|\/\/|\/\\)/i;

/** Whether a link stays within the portal: root-relative, relative or a `#fragment`; an empty one points to its own page. */
export function isInternal(url: string): boolean {
  return url !== '' && !leavesThePortal.test(url);
}

/** The URLs of a `srcset`: each candidate's first word. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Each internal URL of an element, by the attributes `urlAttributes` names for its tag. */
export function urlsOf(name: string, attributes: Record<string, string>): string[] {
  const urls: string[] = [];
  for (const attribute of urlAttributes[name] ?? []) {
    const value = attributes[attribute]?.trim();
    if (value === undefined) continue;
    for (const url of attribute === 'srcset' ? srcsetUrls(value) : [value]) if (isInternal(url)) urls.push(url);
  }
  return urls;
}

/** Collects a page's anchors and internal links from its start tags, their attributes decoded by `decode`. */
function linkCollector(decode?: (value: string) => string) {
  const anchors = new Set<string>();
  const links = new Set<string>();
  return {
    visit(name: string, written: Record<string, string>): void {
      // Only the attributes read are decoded: most tags have none of them.
      const read = (attribute: string) => {
        const value = written[attribute];
        return value !== undefined && decode ? decode(value) : value;
      };
      const id = read('id');
      if (id) anchors.add(id);
      const anchorName = name === 'a' ? read('name') : undefined;
      if (anchorName) anchors.add(anchorName);
      const wanted = urlAttributes[name];
      if (!wanted) return;
      const attributes: Record<string, string> = {};
      for (const attribute of wanted) {
        const value = read(attribute);
        if (value !== undefined) attributes[attribute] = value;
      }
      for (const url of urlsOf(name, attributes)) links.add(url);
    },
    result: (): PageLinks => ({ anchors: [...anchors], links: [...links] }),
  };
}

/** Reads a page's anchors and internal links (one parse of the page, with htmlparser2). */
export function pageLinks(html: string): PageLinks {
  const collector = linkCollector();
  new Parser({ onopentag: collector.visit }).end(html);
  return collector.result();
}

/** A page's links and what the search index reads of it (indexedHtml), from one parse of the page. */
export function readRenderedPage(html: string, options: IndexOptions = {}): { links: PageLinks; indexed: string } {
  const collector = linkCollector(decodeHTMLAttribute);
  const { indexed, complete } = scanPage(html, collector.visit, options);
  return { links: complete ? collector.result() : pageLinks(html), indexed };
}

/** The 1-based line of the first element of a page that links to `url`, or undefined when none does. */
export function lineOfLink(html: string, url: string): number | undefined {
  let found: number | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== undefined || !urlsOf(name, attributes).includes(url)) return;
      found = parser.startIndex;
      parser.pause();
    },
  });
  parser.end(html);
  if (found === undefined) return undefined;
  let line = 1;
  for (let at = html.indexOf('\n'); at !== -1 && at < found; at = html.indexOf('\n', at + 1)) line++;
  return line;
}
