/** Joins the site's base path and a root-relative route, e.g. ("/portal/", "/apis/x/"). */
export function withBase(base: string, route: string): string {
  return `${base.replace(/\/+$/, '')}/${route.replace(/^\/+/, '')}`;
}

/** The routes of the portal, in one place. */
export const routes = {
  home: () => '/',
  domain: (id: string) => `/domains/${id}/`,
  service: (id: string) => `/services/${id}/`,
  api: (id: string) => `/apis/${id}/`,
  operations: (id: string, tag: string) => `/apis/${id}/operations/${tag}/`,
  reference: (id: string) => `/apis/${id}/reference/`,
  apiDoc: (id: string, slug: string) => `/apis/${id}/docs/${slug}/`,
  team: (id: string) => `/teams/${id}/`,
  guide: (slug: string) => `/guides/${slug}/`,
  search: () => '/search/',
  /** Pagefind's index and interface (`pagefind-ui.js`, `pagefind-ui.css`), written by `portolan build`. */
  searchBundle: () => '/pagefind/',
  download: (id: string, format: 'openapi' | 'asyncapi', extension: 'yaml' | 'json') => `/apis/${id}/${format}.${extension}`,
} as const;

/** The anchor of a named schema in its API page's schema section. */
export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
