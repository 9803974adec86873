import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Api, Catalog } from '../catalog/model.ts';
import { environmentsOf } from '../site/environments.ts';
import { hasTryIt } from '../site/try-it.ts';
import { builtPages } from '../site/built-files.ts';
import { baseRoot, withBase } from '../site/urls.ts';

/**
 * The portal's Content-Security-Policy: its own origin only, and on an API's try-it page the
 * origins its environments and OAuth flows declare, which the reader calls on purpose.
 *
 * - script-src: the portal's files, its inline scripts by hash (the theme set before the first
 *   paint, small modules Astro inlines), and WebAssembly for Pagefind.
 * - style-src allows inline styles: Shiki colours code with style attributes and Scalar and
 *   Pagefind's interface inject theirs. Catalogue content cannot bring styles: the Markdown
 *   sanitiser removes them.
 */
function policy(scriptHashes: readonly string[], connect: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${connect.map((origin) => ` ${origin}`).join('')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

function scriptHash(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

/**
 * An origin as CSP's host-source grammar writes it: scheme, host of letters, digits, hyphens and
 * dots, optional port. Anything else (a quote, a space, a semicolon) is never put in a policy.
 */
const wellFormedOrigin = /^(?:https?|wss?):\/\/[a-z\d-]+(?:\.[a-z\d-]+)*(?::\d{1,5})?$/;

/** The origins an API's try-it page may call: its environments (http and https ones) and its OAuth and OpenID Connect URLs, each a well-formed origin. */
export function tryItOrigins(api: Api): string[] {
  const urls = [
    ...environmentsOf(api).map((server) => server.url),
    ...api.contract.securitySchemes.flatMap((scheme) => [scheme.openIdConnectUrl, ...scheme.flows.flatMap((flow) => [flow.tokenUrl, flow.authorizationUrl])]),
  ];
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      const parsed = new URL(url ?? '');
      const isHttp = parsed.protocol === 'https:' || parsed.protocol === 'http:';
      if (isHttp && wellFormedOrigin.test(parsed.origin)) origins.add(parsed.origin);
    } catch {
      // A relative or templated server URL is the portal's own origin, or no origin at all.
    }
  }
  return [...origins].sort();
}

/** What the policy of one page is: where its meta element goes, the element, and what the whole site's policy takes from it. */
export interface PagePolicy {
  /** The offset in the rendered page the meta element is put at. */
  at: number;
  meta: string;
  hashes: string[];
  origins: string[];
}

/**
 * Puts the policy in each page, before its first script, and remembers what the whole site's
 * policy needs: every inline script hash and every try-it origin.
 */
export class PolicyWriter {
  private readonly referencePage: Map<string, Api>;
  private readonly hashes = new Set<string>();
  private readonly origins = new Set<string>();

  constructor(catalog: Catalog) {
    this.referencePage = new Map(catalog.apis.filter(hasTryIt).map((api) => [`apis/${api.id}/reference/index.html`, api]));
  }

  /** The page (relative to the site, with `/`) with its policy in a meta element. */
  apply(page: string, html: string): string {
    const found = this.policyOf(page, html);
    this.collect(found);
    return publishedPage(html, found);
  }

  /** The origins the policy of `page` lets it call: what the policy depends on besides the page's HTML. */
  originsOf(page: string): string[] {
    const api = this.referencePage.get(page);
    return api ? tryItOrigins(api) : [];
  }

  /** The policy of one page, not yet collected for the whole site. */
  policyOf(page: string, html: string): PagePolicy {
    return pagePolicy(page, html, this.originsOf(page));
  }

  /** Adds what one page's policy holds to the whole site's. */
  collect(page: PagePolicy): void {
    page.hashes.forEach((hash) => this.hashes.add(hash));
    page.origins.forEach((origin) => this.origins.add(origin));
  }

  /**
   * Writes `_headers` for hosts that read it (Netlify, Cloudflare Pages) with the policy of the
   * whole site, plus what a meta element cannot say (frame-ancestors).
   */
  async writeHeaders(siteDir: string, base: string): Promise<void> {
    const whole = `${policy([...this.hashes].sort(), [...this.origins].sort())}; frame-ancestors 'none'`;
    const root = withBase(baseRoot(base), '');
    await writeFile(
      path.join(siteDir, '_headers'),
      `${root}*\n  Content-Security-Policy: ${whole}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
    );
  }
}

/** The policy of one page that may call `origins` (PolicyWriter.originsOf): its inline scripts' hashes, and where its meta element goes. */
export function pagePolicy(page: string, html: string, origins: string[]): PagePolicy {
  const hashes = [...new Set([...html.matchAll(inlineScript)].map((match) => scriptHash(match[1]!)))].sort();
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, origins)}">`;
  // After the character set (which must come first) and before any script (a policy covers only what follows it).
  const at = /<meta charset="[^"]*">/.exec(html) ?? /<head>/.exec(html);
  if (!at) throw new Error(`${page} has no <head> to put its Content-Security-Policy in`);
  return { at: at.index + at[0].length, meta, hashes, origins };
}

/** The rendered page with its policy's meta element in it. */
export function publishedPage(html: string, page: PagePolicy): string {
  return `${html.slice(0, page.at)}${page.meta}${html.slice(page.at)}`;
}

/** Puts the policy in every page of a built site and writes `_headers`; returns the number of pages. */
export async function writeContentSecurity(siteDir: string, catalog: Catalog, base: string): Promise<number> {
  const writer = new PolicyWriter(catalog);
  const pages = await builtPages(siteDir);
  for (const page of pages) {
    const file = path.join(siteDir, page);
    await writeFile(file, writer.apply(page, await readFile(file, 'utf8')));
  }
  await writer.writeHeaders(siteDir, base);
  return pages.length;
}
