import { describe, expect, it } from 'vitest';
import { indexedHtml } from '../../src/search/indexed-html.ts';
import { compileSynonyms } from '../../src/search/synonyms.ts';

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
      body(`<div data-x="a>b" class='wide component'></div><p>text</p>`),
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

describe('the tags the index is given', () => {
  const page = (inner: string) => body(`<div>${inner}</div>`);

  it('keeps only the attributes Pagefind reads: an anchor’s id, a language and its own data-pagefind-* ones', () => {
    expect(indexedHtml(page('<div class="prose wide" id="intro" aria-label="Intro" data-pagefind-weight="3" title="x">Text</div>'))).toBe(
      page('<div id="intro" data-pagefind-weight="3">Text</div>'),
    );
    expect(indexedHtml(page(`<p class="note" lang="fr" data-pagefind-meta='note:a "b"'>Texte</p>`))).toBe(
      page('<p lang="fr" data-pagefind-meta="note:a &quot;b&quot;">Texte</p>'),
    );
  });

  it('leaves out the tags of plain elements without them, end tags included, and keeps those Pagefind puts spaces around', () => {
    expect(
      indexedHtml(
        page(
          '<p class="lead"><span class="badge">live</span> <a href="/bills/">bills</a> <code>GET</code></p><details open><summary>More</summary><dl><dt>a</dt> <dd>b</dd></dl></details>',
        ),
      ),
    ).toBe(page('<p>live bills GET</p>More a b'));
  });

  it('keeps as written what Pagefind reads of the page, what it reads unlike HTML and what it is told to exclude', () => {
    const html = `<html lang="en"><head><title>T</title><link rel="stylesheet" href="/a.css"></head><body class="b">${page(
      '<h1 class="t">Bills</h1><img src="/a.png" alt="A bill" class="i"><svg class="icon"><g class="k"></g></svg><div class="schema"><span>x</span></div><script class="s">let a</script>',
    )}</body></html>`;
    expect(indexedHtml(html)).toBe(
      `<html lang="en"><head><title>T</title><link rel="stylesheet" href="/a.css"></head><body>${page(
        '<h1 class="t">Bills</h1><img src="/a.png" alt="A bill" class="i"><svg class="icon"><g class="k"></g></svg><div class="schema"></div><script class="s">let a</script>',
      )}</body></html>`,
    );
  });

  it('keeps a plain element whose parent’s own text Pagefind reads apart (an anchor, a heading, a filter), which its text would join', () => {
    const inner =
      '<li id="op"><span>GET</span> <code>/bills</code></li><h2><span>(2)</span> Ops</h2><span data-pagefind-filter="tag"><span>billing</span></span>';
    expect(indexedHtml(page(inner))).toBe(page(inner));
  });

  it('gives a page whole when the end of a plain element it would leave out is only implied', () => {
    expect(indexedHtml(page('<b>unclosed</div><pre>x</pre>'))).toBe(page('<b>unclosed</div><pre>x</pre>'));
  });
});

describe('the word boundaries the index is given', () => {
  it('puts a space between a badge, a status or a label and the word after it, where Pagefind would glue them', () => {
    const summary =
      '<summary><span class="badge badge-ko">KO</span><span class="status">409</span><strong>withdrawn</strong><span class="muted">The offer is gone</span></summary>';
    expect(indexedHtml(body(summary))).toBe(body('<summary>KO 409 withdrawn The offer is gone</summary>'));
    expect(indexedHtml(body('<dl><dt>Tags</dt><dd>bill, invoice</dd></dl><code>GET</code><code>/bills</code>'))).toBe(
      body('<dl>Tags bill, invoice</dl><code> GET</code><code>/bills</code>'),
    );
  });

  it('adds none inside a word, after punctuation, where a space is already written, or around what Pagefind spaces itself', () => {
    for (const [inner, indexed] of [
      ['<p>un<em>usual</em> and <a href="/x">bill</a>s</p>', '<p>unusual and bills</p>'],
      ['<span>KO</span> <span>409</span>', '<span>KO</span> <span>409</span>'],
      ['<code>id</code>, <code>name</code>', '<code>id</code>, <code>name</code>'],
      ['<p>one</p><p>two</p>', '<p>one</p><p>two</p>'],
      ['<li>a</li><li>b</li>', '<li>a</li><li>b</li>'],
    ]) {
      expect(indexedHtml(body(inner!))).toBe(body(indexed!));
    }
  });

  it('adds none outside the indexed body or in what Pagefind ignores', () => {
    const html =
      '<header><span>Nord</span><span>wave</span></header><main data-pagefind-body><span data-pagefind-ignore><span>a</span><span>b</span></span></main>';
    expect(indexedHtml(html)).toBe('<header>Nordwave</header><main data-pagefind-body><span data-pagefind-ignore><span>a</span><span>b</span></span></main>');
  });
});

describe('the glossary synonyms the index is given', () => {
  const synonyms = compileSynonyms([
    {
      term: 'bill',
      synonyms: [
        { text: 'invoice', locale: 'en' },
        { text: 'facture', locale: 'fr' },
      ],
    },
    { term: 'customer', synonyms: [{ text: 'client', locale: 'fr' }] },
    { term: 'address change', synonyms: [{ text: 'move house' }] },
  ]);
  const glossed = (html: string) => indexedHtml(html, { synonyms });

  it('adds the other words of a term after the first text of each part of the page that says it', () => {
    expect(glossed(body('<p>Read a bill and its lines.</p><p>Each bill has a PDF.</p>'))).toBe(
      body('<p>Read a bill and its lines. (invoice, facture)</p><p>Each bill has a PDF.</p>'),
    );
    // Each operation (an element with an id) gets its own, found by its own words.
    expect(glossed(body('<p>Monthly bills</p><ul><li id="get-bill">Read a bill</li><li id="get-customer">Read a customer</li></ul>'))).toBe(
      body(
        '<p>Monthly bills (invoice, facture)</p><ul><li id="get-bill">Read a bill (invoice, facture)</li><li id="get-customer">Read a customer (client)</li></ul>',
      ),
    );
  });

  it('finds a term by its synonyms too, a plural or -ing form included, and phrases of several words', () => {
    expect(glossed(body('<p>Download the invoices</p>'))).toBe(body('<p>Download the invoices (bill, facture)</p>'));
    expect(glossed(body('<p>The billing cycle</p>'))).toBe(body('<p>The billing cycle (invoice, facture)</p>'));
    expect(glossed(body('<p>Request an address change</p>'))).toBe(body('<p>Request an address change (move house)</p>'));
    expect(glossed(body('<p>An address and a change</p>'))).toBe(body('<p>An address and a change</p>'));
  });

  it('takes only the words of the page’s own locale as saying a term: "client" in English is not a customer', () => {
    expect(glossed(body('<p>Your client id</p>'))).toBe(body('<p>Your client id</p>'));
    expect(glossed(`<html lang="fr"><main data-pagefind-body><p>Le client</p></main></html>`)).toBe(
      '<html lang="fr"><main data-pagefind-body><p>Le client (customer)</p></main></html>',
    );
  });

  it('puts the synonyms before the spaces that end a text, so they do not run into the element after it', () => {
    expect(glossed(body('<p>Each bill <code>PDF</code> link</p>'))).toBe(body('<p>Each bill (invoice, facture) PDF link</p>'));
  });

  it('leaves out the words the part already holds, and adds nothing where no term is said', () => {
    expect(glossed(body('<p>A bill, an invoice</p>'))).toBe(body('<p>A bill, an invoice (facture)</p>'));
    expect(glossed(body('<p>Coverage maps</p>'))).toBe(body('<p>Coverage maps</p>'));
  });

  it('puts a title’s synonyms after it, at its weight, so results keep their titles', () => {
    expect(glossed(body('<h1>Customer Bill API</h1><p>Text</p>'))).toBe(
      body('<h1>Customer Bill API</h1><p data-pagefind-weight="7">(client)</p><p data-pagefind-weight="7">(invoice, facture)</p><p>Text</p>'),
    );
    expect(glossed(body('<span data-pagefind-meta="api">Bill API</span>'))).toBe(
      body('<span data-pagefind-meta="api">Bill API</span><p data-pagefind-weight="1">(invoice, facture)</p>'),
    );
    // A meta value written in the attribute takes nothing from the text.
    const page = '<main data-pagefind-body data-pagefind-meta="kind:api"><p>Bills</p></main>';
    expect(glossed(page)).toBe('<main data-pagefind-body data-pagefind-meta="kind:api"><p>Bills (invoice, facture)</p></main>');
  });

  it('reads no term in what Pagefind does not index, and escapes what it adds', () => {
    expect(glossed('<nav>Bills</nav><main data-pagefind-body><div class="schema">bill</div><div data-pagefind-ignore>bill</div></main>')).toBe(
      '<nav>Bills</nav><main data-pagefind-body><div class="schema"></div><div data-pagefind-ignore>bill</div></main>',
    );
    const odd = compileSynonyms([{ term: 'bill', synonyms: [{ text: '<b>fact</b> & co' }] }]);
    expect(indexedHtml(body('<p>bill</p>'), { synonyms: odd })).toBe(body('<p>bill (b fact b co)</p>'));
  });
});
