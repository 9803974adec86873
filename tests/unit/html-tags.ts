/** An HTML start tag as a browser reads it: its name and its attributes, values decoded. */
export interface HtmlTag {
  name: string;
  attributes: [name: string, value: string][];
}

/** A start tag whose attribute values may hold `<` and `>` when quoted, as Astro and rehype write them. */
const startTag = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag of a page, outside the text of its script and style elements. */
export function startTags(html: string): HtmlTag[] {
  const outsideRawText = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  return [...outsideRawText.matchAll(startTag)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: [...match[2]!.matchAll(attribute)].map((a) => [a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? '')]),
  }));
}

/** Every element of this name with what it holds, e.g. each `<script …>…</script>` of a page. */
export function rawTextElements(html: string, name: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}>`, 'gi'))].map((m) => m[0]);
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', colon: ':', tab: '\t', newline: '\n' };
  return value.replace(/&(#x[\da-f]+|#\d+|[a-z]+);?/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? entity;
  });
}
