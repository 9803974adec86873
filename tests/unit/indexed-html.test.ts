import { describe, expect, it } from 'vitest';
import { indexedHtml } from '../../src/search/indexed-html.ts';

const body = (inner: string) => `<main data-pagefind-body>${inner}</main>`;

describe('what the search index is fed of a page', () => {
  it('keeps the tags of excluded elements and drops their content, nested ones included', () => {
    const html = '<main data-pagefind-body><h1>Orders</h1><div class="schema"><div>id</div><div>total</div></div><pre>GET /orders</pre><p>Text</p></main>';
    expect(indexedHtml(html)).toBe('<main data-pagefind-body><h1>Orders</h1><div class="schema"></div><pre></pre><p>Text</p></main>');
  });

  it('drops an excluded element nested in another with the outer one, and ends each at its own end tag', () => {
    const html = body(
      '<div class="code-block"><pre>a</pre><div class="schema"><div>b</div></div></div><p>after</p><table><thead><tr><th>Name</th></tr></thead><tbody><tr><td>kept</td></tr></tbody></table>',
    );
    expect(indexedHtml(html)).toBe(body('<div class="code-block"></div><p>after</p><table><thead></thead><tbody><tr><td>kept</td></tr></tbody></table>'));
  });

  it('finds the class among others and reads quoted attribute values holding > or tag-like text as values', () => {
    expect(indexedHtml(body(`<div data-x="a>b" class='wide component'>x</div><p title="<pre>">text</p>`))).toBe(
      body(`<div data-x="a>b" class='wide component'></div><p title="<pre>">text</p>`),
    );
  });

  it('leaves an excluded element whole when Pagefind reads something in it: an id, its attributes, a comment or a script', () => {
    for (const inner of ['<h5 id="total">Total</h5>', '<span data-pagefind-filter="tag">x</span>', '<!-- a -->', '<script>let a = "</pre>";</script>']) {
      const html = `<main data-pagefind-body><pre class="x">${inner}</pre></main>`;
      expect(indexedHtml(html)).toBe(html);
    }
  });

  it('leaves an excluded element whole when it holds what Pagefind takes for the page: a heading 1, an image, a title', () => {
    for (const inner of [
      '<h1>Not the title</h1>',
      '<img src="logo.png" alt="Logo">',
      '<svg><title>Icon</title></svg>',
      '<![CDATA[ x ]]>',
      '<input ID="upper">',
    ]) {
      const html = body(`<div class="schema"><div>${inner}</div></div><pre>cut</pre>`);
      expect(indexedHtml(html)).toBe(body(`<div class="schema"><div>${inner}</div></div><pre></pre>`));
    }
  });

  it('skips what only looks like a tag inside a script, a style or a comment', () => {
    const script = '<script>const s = "<pre>";</script><p>a</p>';
    expect(indexedHtml(script)).toBe(script);
    const html = body(
      '<style>p::after { content: "<pre>" }</style><script>if (a < b) document.write("<div class=\'schema\'>")</script><!-- <pre> --><p>text</p><pre>x</pre>',
    );
    expect(indexedHtml(html)).toBe(
      body(
        '<style>p::after { content: "<pre>" }</style><script>if (a < b) document.write("<div class=\'schema\'>")</script><!-- <pre> --><p>text</p><pre></pre>',
      ),
    );
  });

  it('drops void elements with the content and cuts nothing out of an excluded void element or self-closing tag', () => {
    expect(indexedHtml(body('<div class="schema">a<br>b<wbr/>c<hr></div>'))).toBe(body('<div class="schema"></div>'));
    for (const html of [body('<hr class="schema"><p>text</p>'), body('<pre/>text</pre>')]) expect(indexedHtml(html)).toBe(html);
  });

  it('returns a page it cannot follow as it is: an excluded element never closed, closed by an outer end tag, or inside SVG', () => {
    for (const html of [
      '<main><div class="code-block"><p>never closed</main>',
      body('<div><pre>x</div><p>after</p>'),
      body('<pre>x'),
      body('<svg><pre>x</pre></svg><pre>y</pre>'),
    ]) {
      expect(indexedHtml(html)).toBe(html);
    }
  });

  it('keeps an excluded element whose content is malformed and still trims the others', () => {
    const html = body('<div class="schema"><span>never closed</div><pre>cut</pre>');
    expect(indexedHtml(html)).toBe(body('<div class="schema"><span>never closed</div><pre></pre>'));
    expect(indexedHtml(body('<pre>x</pre><script>never closed'))).toBe(body('<pre></pre><script>never closed'));
  });
});
