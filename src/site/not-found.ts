/** Route words that say where a page sits, not what it is about. */
const routeWords = new Set(['apis', 'operations', 'reference', 'docs', 'domains', 'services', 'teams', 'guides', 'explorer', 'search', 'index', 'html']);

/**
 * The words of an address the portal does not have, to search for instead: "/apis/customer-api/"
 * gives "customer api". Route names, version numbers and the base path are left out.
 */
export function searchWordsOf(pathname: string, base: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  const path = decoded.startsWith(base) ? decoded.slice(base.length) : decoded;
  const words = path
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !routeWords.has(word) && !/^v?\d+$/.test(word));
  return [...new Set(words)].slice(0, 6).join(' ');
}
