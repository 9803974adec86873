/**
 * The URL schemes catalogue text may use, in the rendered pages (rehype-sanitize's schema) and in
 * the published contracts alike. A URL without a scheme (relative, or `#anchor`) is always kept.
 */
export const allowedSchemes = { href: ['http', 'https', 'mailto'], src: ['http', 'https'] } as const;

const absolute = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/**
 * Whether a key's string value is a URL a viewer makes a link of, or opens: `url` (external docs,
 * contact, licence, in a name map of them too), terms of service, an external example value, and
 * every `…Url` (OAuth and OpenID URLs, Kafka's schema registry).
 */
export const isLinkKey = (key: string): boolean => key === 'url' || key === 'termsOfService' || key === 'externalValue' || key.endsWith('Url');

/** Whether a link may keep `url`. */
export function isSafeHref(url: string): boolean {
  return hasAllowedScheme(url, allowedSchemes.href);
}

/** Whether an image at `url` is shown: only relative ones are, so a page makes no request to another origin. */
export function isLocalImage(url: string): boolean {
  return hasAllowedScheme(url, allowedSchemes.src) && !absolute.test(url.trim());
}

/**
 * rehype-sanitize's test: a URL whose first colon comes before any `/`, `?` or `#` has a scheme,
 * which must be one of `schemes` exactly (case included); anything else is refused.
 */
function hasAllowedScheme(url: string, schemes: readonly string[]): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  const before = (c: string) => url.includes(c) && url.indexOf(c) < colon;
  if (before('/') || before('?') || before('#')) return true;
  return schemes.includes(url.slice(0, colon));
}
