import Prism from 'prismjs';
import 'prismjs/components/prism-json.js';
import 'prismjs/components/prism-http.js';
import 'prismjs/components/prism-bash.js';

// Prism would otherwise colour every `language-*` element on its own, the console's included.
Prism.manual = true;

/**
 * Which colour each Prism token type takes. The colours are CSS custom highlights
 * (`::highlight(code-string)` in code.css): ranges over the text the server wrote, so a
 * coloured block weighs nothing in the page, its DOM and its copied text are unchanged, and
 * without JavaScript (or without the Highlight API) it reads as plain text.
 */
const colourOf: Record<string, string> = {
  property: 'code-key',
  'header-name': 'code-key',
  string: 'code-string',
  'header-value': 'code-string',
  number: 'code-number',
  boolean: 'code-number',
  null: 'code-number',
  constant: 'code-number',
  method: 'code-keyword',
  keyword: 'code-keyword',
  builtin: 'code-keyword',
  function: 'code-function',
  uri: 'code-function',
  url: 'code-function',
  comment: 'code-comment',
  'template-string': 'code-string',
  'class-name': 'code-function',
  punctuation: 'code-punctuation',
  operator: 'code-punctuation',
};

// A Map, not an object literal: bundled, a `javascript:` key would read like a script URL to the
// check that no page or script carries one from the catalogue.
const languages = new Map<string, Prism.Grammar | undefined>([
  ['json', Prism.languages['json']],
  ['http', Prism.languages['http']],
  ['bash', Prism.languages['bash']],
  ['shell', Prism.languages['bash']],
  ['curl', Prism.languages['bash']],
  ['javascript', Prism.languages['javascript']],
]);

/** The language of a block: its `data-language`, else what its text starts like (an HTTP message or JSON). */
export function languageOf(block: HTMLElement, text: string): string | undefined {
  const declared = block.dataset['language'];
  if (declared) return declared;
  if (/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|HTTP)\b/.test(text)) return 'http';
  if (/^\s*[[{"]/.test(text)) return 'json';
  return undefined;
}

/** Each coloured span of `text` as [highlight name, start, end]: an HTTP message's head as HTTP, its body as JSON when it is JSON. */
export function colourSpans(text: string, language: string): [string, number, number][] {
  if (language === 'http') {
    const blank = text.indexOf('\n\n');
    if (blank >= 0) {
      const body = text.slice(blank + 2);
      const bodySpans = isJson(body)
        ? colourSpans(body, 'json').map(([name, start, end]): [string, number, number] => [name, start + blank + 2, end + blank + 2])
        : [];
      return [...colourSpans(text.slice(0, blank), 'http-head'), ...bodySpans];
    }
    language = 'http-head';
  }
  const grammar = languages.get(language === 'http-head' ? 'http' : language);
  if (!grammar) return [];
  const spans: [string, number, number][] = [];
  walk(Prism.tokenize(text, grammar), 0, spans);
  return spans;
}

// Spans never overlap: a nested token's colour wins over its parent's, which colours the rest of its text.
function walk(stream: Prism.TokenStream, offset: number, spans: [string, number, number][], inherited?: string): number {
  if (typeof stream === 'string') {
    if (inherited && stream.length > 0) spans.push([inherited, offset, offset + stream.length]);
    return offset + stream.length;
  }
  if (Array.isArray(stream)) {
    for (const item of stream) offset = walk(item, offset, spans, inherited);
    return offset;
  }
  const aliases = Array.isArray(stream.alias) ? stream.alias : stream.alias ? [stream.alias] : [];
  const name = [stream.type, ...aliases].map((type) => colourOf[type]).find(Boolean) ?? inherited;
  return walk(stream.content, offset, spans, name);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Colours a `pre > code` whose text is one text node; anything else (Shiki's server-coloured blocks) is left as it is. */
export function colourBlock(block: HTMLElement): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const code = block.querySelector('pre > code');
  const node = code?.firstChild;
  if (!code || !node || code.childNodes.length !== 1 || node.nodeType !== Node.TEXT_NODE) return;
  const text = node.textContent ?? '';
  const language = languageOf(block, text);
  if (!language) return;
  for (const [name, start, end] of colourSpans(text, language)) {
    const range = new Range();
    range.setStart(node, start);
    range.setEnd(node, end);
    let highlight = CSS.highlights.get(name);
    if (!highlight) CSS.highlights.set(name, (highlight = new Highlight()));
    highlight.add(range);
  }
}
