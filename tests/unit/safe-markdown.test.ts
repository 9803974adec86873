import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { sanitiseMarkdown } from '../../src/site/safe-markdown.ts';
import { isLocalImage, isSafeHref } from '../../src/catalog/safe-urls.ts';

/** Markdown an attacker may write, each piece with what must be left of it. */
const hostile: [markdown: string, safe: string][] = [
  ['Hi <script>alert("x")</script> there', 'Hi alert("x") there'],
  ['<script>\nalert("x")\n</script>\n\nAfter', '\n\nAfter'],
  ['<img src=x onerror="alert(1)"> <b onclick="go()">bold</b>', ' bold'],
  ['<iframe src="https://evil.example"></iframe><style>body{}</style>', ''],
  ['Text <iframe src="https://evil.example"></iframe><style>body{}</style>', 'Text body{}'],
  ['<p style="position:fixed">styled</p>', ''],
  ['Text <span style="position:fixed">styled</span>', 'Text styled'],
  ['[x](javascript:alert(1)) [y](JavaScript:alert(2)) [z](data:text/html,x) [v](vbscript:msgbox)', 'x y z v'],
  ['<javascript:alert(3)>', 'javascript:alert(3)'],
  ['[b](&#106;avascript:alert(1)) [c](javascript&#58;alert(1)) [d]( javascript:alert(1)) [e](javascript&colon;alert(1))', 'b c d e'],
  ['[ref][bad]\n\n[bad]: javascript:alert(1)', 'ref\n\n'],
  ['![pixel](https://tracker.example/p.gif) ![*evil*](javascript:alert(1))', 'pixel evil'],
  ['[<img src=x onerror=alert(1)>](https://ok.example)', '[](https://ok.example)'],
  ['| a | b |\n|---|---|\n| <b onclick="x()">c</b> | [d](data:x) |', '| a | b |\n|---|---|\n| c | d |'],
  ['[^1]: <script>alert(1)</script>\n\nSee[^1]', '[^1]: \n\nSee[^1]'],
];

describe('sanitised catalogue Markdown', () => {
  it('keeps safe Markdown byte for byte', () => {
    const safe =
      '# Rules\n\n- **one** [site](https://example.com), [mail](mailto:a@example.com), [guide](../guide#x)\n\n`<script>` in code\n\n```html\n<script>ok()</script>\n```\n\n![map](./map.png)\n';
    expect(sanitiseMarkdown(safe)).toBe(safe);
  });

  for (const [markdown, safe] of hostile) {
    it(`leaves ${JSON.stringify(safe)} of ${JSON.stringify(markdown)}`, () => {
      expect(sanitiseMarkdown(markdown)).toBe(safe);
    });
  }

  it('reads the text again when a removal joins two pieces into a tag', () => {
    const joined = sanitiseMarkdown('Text <scr<b></b>ipt>alert(1)</scr<i></i>ipt> end');
    expect(joined).not.toMatch(/<\/?script/i);
    expect(joined).toContain('alert(1)');
  });

  it('publishes as escaped plain text what keeps forming new tags pass after pass', () => {
    const nested = `Text ${'<s'.repeat(12)}<b>${'cript>'.repeat(12)}alert(1) end`;
    const safe = sanitiseMarkdown(nested);
    expect(safe).toMatch(/^Text /);
    expect(safe).not.toMatch(/(^|[^\\])</);
    expect(renderMarkdown(safe)).not.toMatch(/<(?!\/?p>)/);
  });

  it('renders on the pages as its source does, but for the bare <a> the pages keep of a refused link and white space', () => {
    const normalise = (html: string) => html.replace(/<a>([\s\S]*?)<\/a>/g, '$1').replace(/\s*(<[^>]+>)\s*/g, '$1');
    for (const [markdown] of hostile) expect(normalise(renderMarkdown(sanitiseMarkdown(markdown))), markdown).toBe(normalise(renderMarkdown(markdown)));
  });
});

describe('the URL rules shared by the pages and the contracts', () => {
  it('lets links keep http(s), mailto and relative URLs only', () => {
    for (const url of ['https://x.example', 'http://x.example', 'mailto:a@x.example', './a', '../a:b', '/a?x=b:c', '#top', 'a/b:c'])
      expect(isSafeHref(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', ' javascript:x', 'java\tscript:x', 'HTTPS://x.example'])
      expect(isSafeHref(url), url).toBe(false);
  });

  it('shows only relative images', () => {
    expect(isLocalImage('./map.png')).toBe(true);
    for (const url of ['https://x.example/p.gif', '//cdn.example/x.png', 'data:image/png;base64,x', 'javascript:x']) expect(isLocalImage(url), url).toBe(false);
  });
});
