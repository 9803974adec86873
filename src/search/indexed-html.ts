/**
 * What the index leaves out, besides what Pagefind skips on its own (nav, footer, forms, scripts):
 * schema trees, code and example bodies. Readers search in the words of the business; property
 * dumps would only weigh on the index and blur the ranking. Each is a class (`.name`) or a tag.
 */
export const notIndexed = ['.schema', '.code-block', '.component', 'pre', 'thead'];

const excludedClasses = new Set(notIndexed.filter((s) => s.startsWith('.')).map((s) => s.slice(1)));
const excludedTags = new Set(notIndexed.filter((s) => /^[a-z]+$/.test(s)));
if (excludedClasses.size + excludedTags.size !== notIndexed.length) throw new Error('notIndexed holds a selector that indexedHtml cannot match');

/** A comment, or a start tag with its attributes (quoted values may hold `>`). */
const markup = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const classAttribute = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** Elements whose text is not markup: a tag-like string inside them is no tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/**
 * What an excluded element may not hold for its content to be dropped here: what Pagefind reads
 * even there (its attributes, ids it anchors), and what would make matching its end tag uncertain.
 */
const keptInside =
  /data-pagefind-|\sid\s*=|<!--|-->|<!\[CDATA\[|<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template|svg|math)\b/i;

/**
 * The page as Pagefind needs it: the same HTML with the content of the elements it is told to
 * exclude (`notIndexed`) taken out, their tags kept. Pagefind drops that content itself, so it
 * builds the same index from either (checked on the 1,250-API benchmark, file for file), reading
 * a third of the bytes. Anything this scanner is unsure of is left as it is; a page it cannot
 * follow is returned whole.
 */
export function indexedHtml(html: string): string {
  const parts: string[] = [];
  let copiedTo = 0;
  const scan = new RegExp(markup.source, 'g');
  for (let found = scan.exec(html); found; found = scan.exec(html)) {
    const name = found[1]?.toLowerCase();
    if (name === undefined || found[3] === '/') continue;
    if (rawText.has(name)) {
      const end = endTag(html, name, scan.lastIndex, false);
      if (end < 0) return html;
      scan.lastIndex = end;
      continue;
    }
    if (!isExcluded(name, found[2]!)) continue;
    const end = endTag(html, name, scan.lastIndex, true);
    if (end < 0) return html;
    if (!keptInside.test(html.slice(scan.lastIndex, end))) {
      parts.push(html.slice(copiedTo, scan.lastIndex));
      copiedTo = end;
    }
    scan.lastIndex = end;
  }
  if (copiedTo === 0) return html;
  parts.push(html.slice(copiedTo));
  return parts.join('');
}

function isExcluded(name: string, attributes: string): boolean {
  if (excludedTags.has(name)) return true;
  const found = classAttribute.exec(attributes);
  if (!found) return false;
  return (found[1] ?? found[2] ?? found[3]!).split(/\s+/).some((token) => excludedClasses.has(token));
}

/** Where the end tag of the element `name` opened just before `from` starts, counting nested ones when `nested`; -1 when it has none. */
function endTag(html: string, name: string, from: number, nested: boolean): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  tag.lastIndex = from;
  let depth = 1;
  for (let found = tag.exec(html); found; found = tag.exec(html)) {
    if (found[1]) depth--;
    else if (nested) depth++;
    if (depth === 0) return found.index;
  }
  return -1;
}
