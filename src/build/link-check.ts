import { baseRoot } from '../site/urls.ts';
import type { PageLinks } from './page-links.ts';

/** What is wrong with a link: it leads to no file, to no element of its page, or out of the base path. */
export type LinkProblem = 'no-file' | 'no-anchor' | 'outside-base';

/** A link that leads nowhere: as written on the first page found to hold it, and on how many pages it is. */
export interface BrokenLink {
  url: string;
  /** The first page (in the pass's order) that holds it, as a file of the site. */
  page: string;
  pages: number;
  problem: LinkProblem;
  /** The file it was read as (`guides/x/index.html`), and for `no-anchor` the id it asked for. */
  file: string;
  anchor?: string;
}

/** Where a link leads, within the site: a file, and maybe a fragment; undefined when it leaves the base path. */
interface Target {
  file: string;
  anchor: string;
}

/** One link target, seen on some pages. */
interface Seen {
  url: string;
  page: string;
  pages: number;
}

const origin = 'http://portal.invalid';

/**
 * Checks every internal link of the pages it is given against the files of the site: a path
 * must be a file (`/guides/x/` → `guides/x/index.html`) under the base path, and a `#fragment`
 * an id or `a` name of the page it leads to (`#top` and an empty one always are). Each target
 * is checked once however many pages link to it; pages are given as the pass reads them, so
 * only their anchors and link targets are held.
 */
export class LinkCheck {
  private readonly root: string;
  private readonly anchors = new Map<string, readonly string[]>();
  private readonly targets = new Map<string, Seen>();

  /** `base`: the base path the site is served under (`/portal/`). */
  constructor(base: string) {
    this.root = baseRoot(base);
  }

  /** Takes in a page of the site (`guides/x/index.html`) and what it holds. */
  add(page: string, links: PageLinks): void {
    if (links.anchors.length > 0) this.anchors.set(page, links.anchors);
    const at = this.urlOf(page);
    for (const url of links.links) {
      const key = this.resolve(url, at);
      const seen = this.targets.get(key);
      if (seen) seen.pages++;
      else this.targets.set(key, { url, page, pages: 1 });
    }
  }

  /** The links that lead nowhere, given every file of the site (relative to it, with `/`), in the order they were first seen. */
  broken(files: Iterable<string>): BrokenLink[] {
    const written = new Set(files);
    const anchorSets = new Map<string, Set<string>>();
    const hasAnchor = (file: string, anchor: string) => {
      if (anchor === '' || anchor.toLowerCase() === 'top' || !file.endsWith('.html')) return true;
      let anchors = anchorSets.get(file);
      if (!anchors) anchorSets.set(file, (anchors = new Set(this.anchors.get(file))));
      return anchors.has(anchor);
    };
    const broken: BrokenLink[] = [];
    for (const [key, seen] of this.targets) {
      const target = this.targetOf(key);
      if (!target) {
        broken.push({ ...seen, problem: 'outside-base', file: '' });
        continue;
      }
      const file = [target.file, `${target.file}/index.html`].find((f) => written.has(f));
      if (!file) broken.push({ ...seen, problem: 'no-file', file: target.file });
      else if (!hasAnchor(file, target.anchor)) broken.push({ ...seen, problem: 'no-anchor', file, anchor: target.anchor });
    }
    return broken;
  }

  /** The URL a page of the site is served at: `guides/x/index.html` → `/portal/guides/x/`. */
  private urlOf(page: string): string {
    const route = page === 'index.html' ? '' : page.endsWith('/index.html') ? page.slice(0, -'index.html'.length) : page;
    return `${this.root === '/' ? '' : this.root}/${route}`;
  }

  /** A link as the root-relative URL it leads to, query left out: `../x/#a` on `/p/y/z/` → `/p/y/x/#a`. */
  private resolve(url: string, pageUrl: string): string {
    // Most links are root-relative with nothing to normalise: no URL parser needed.
    const plain = url.startsWith('/') && !/\/\.\.?(?:[/?#]|$)|\\/.test(url);
    const resolved = plain ? url : this.parse(url, pageUrl);
    const hash = resolved.indexOf('#');
    const pathPart = hash === -1 ? resolved : resolved.slice(0, hash);
    const query = pathPart.indexOf('?');
    return `${query === -1 ? pathPart : pathPart.slice(0, query)}${hash === -1 ? '' : resolved.slice(hash)}`;
  }

  private parse(url: string, pageUrl: string): string {
    const parsed = URL.parse(url, `${origin}${pageUrl}`);
    // A URL no browser can read leads nowhere: it is kept as written, which names no file.
    return parsed ? `${parsed.pathname}${parsed.hash}` : `${pageUrl}\0${url}`;
  }

  /** The file and fragment a resolved URL leads to, decoded; undefined when it leads out of the base path. */
  private targetOf(key: string): Target | undefined {
    const hash = key.indexOf('#');
    const pathname = decoded(hash === -1 ? key : key.slice(0, hash));
    const anchor = hash === -1 ? '' : decoded(key.slice(hash + 1));
    const root = this.root === '/' ? '' : this.root;
    if (pathname !== root && !pathname.startsWith(`${root}/`)) return undefined;
    const inSite = pathname.slice(root.length + 1);
    return { file: inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite, anchor };
  }
}

/** A URL part with its percent-escapes decoded, as a browser matches it to a file or an id; kept as it is when they are malformed. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
