/** The base path as a root without a trailing slash: `/portal`, or `/` for none. */
export function baseRoot(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}`;
}

/** Joins the site's base path and a root-relative route, e.g. ("/portal/", "/apis/x/"). */
export function withBase(base: string, route: string): string {
  return `${base.replace(/\/+$/, '')}/${route.replace(/^\/+/, '')}`;
}

/** Where a built portal is served: its base path and, when the build was given `--site`, its origin. */
export interface SiteLocation {
  base: string;
  site?: string | undefined;
}

/** A route as files outside the pages link to it: absolute when the site is known, else root-relative under the base. */
export function linkTo(location: SiteLocation, route: string): string {
  // Astro reads a base without its leading slash as if it had one; so do these links.
  const path = withBase(`/${location.base.replace(/^\/+/, '')}`, route);
  return location.site ? new URL(path, location.site).href : path;
}

/** The routes of the portal, in one place. */
export const routes = {
  home: () => '/',
  /** The index pages: every API, the domain taxonomy, the team directory, the services, the guides. */
  apiIndex: () => '/apis/',
  domainIndex: () => '/domains/',
  teamIndex: () => '/teams/',
  serviceIndex: () => '/services/',
  guideIndex: () => '/guides/',
  domain: (id: string) => `/domains/${id}/`,
  service: (id: string) => `/services/${id}/`,
  api: (id: string) => `/apis/${id}/`,
  operations: (id: string, tag: string) => `/apis/${id}/operations/${tag}/`,
  reference: (id: string) => `/apis/${id}/reference/`,
  apiDoc: (id: string, slug: string) => `/apis/${id}/docs/${slug}/`,
  team: (id: string) => `/teams/${id}/`,
  guide: (slug: string) => `/guides/${slug}/`,
  search: () => '/search/',
  explorer: () => '/explorer/',
  /** The audience's catalogue as JSON for tools, and the llmstxt.org files, written by `portolan build`. */
  catalogJson: () => '/catalog.json',
  /** The words search corrects a misspelt query word to (src/search/vocabulary.ts). */
  searchWords: () => '/search-words.json',
  llmsText: () => '/llms.txt',
  llmsFullText: () => '/llms-full.txt',
  /** Pagefind's index and interface (`pagefind-ui.js`, `pagefind-ui.css`), written by `portolan build`. */
  searchBundle: () => '/pagefind/',
  download: (id: string, format: 'openapi' | 'asyncapi', extension: 'yaml' | 'json') => `/apis/${id}/${format}.${extension}`,
} as const;

/** The anchor of a named schema in its API page's schema section. */
export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
