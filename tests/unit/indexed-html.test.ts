import { describe, expect, it } from 'vitest';
import { indexedHtml } from '../../src/search/indexed-html.ts';

describe('what the search index is fed of a page', () => {
  it('keeps the tags of excluded elements and drops their content, nested ones included', () => {
    const html = '<main data-pagefind-body><h1>Orders</h1><div class="schema"><div>id</div><div>total</div></div><pre>GET /orders</pre><p>Text</p></main>';
    expect(indexedHtml(html)).toBe('<main data-pagefind-body><h1>Orders</h1><div class="schema"></div><pre></pre><p>Text</p></main>');
  });

  it('leaves an excluded element whole when Pagefind reads something in it: an id, its attributes, a comment or a script', () => {
    for (const inner of ['<h5 id="total">Total</h5>', '<span data-pagefind-filter="tag">x</span>', '<!-- a -->', '<script>let a = "</pre>";</script>']) {
      const html = `<main data-pagefind-body><pre class="x">${inner}</pre></main>`;
      expect(indexedHtml(html)).toBe(html);
    }
  });

  it('skips what only looks like a tag inside a script and returns a page it cannot follow as it is', () => {
    const script = '<script>const s = "<pre>";</script><p>a</p>';
    expect(indexedHtml(script)).toBe(script);
    const unclosed = '<main><div class="code-block"><p>never closed</main>';
    expect(indexedHtml(unclosed)).toBe(unclosed);
  });
});
