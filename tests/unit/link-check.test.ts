import { describe, expect, it } from 'vitest';
import { LinkCheck } from '../../src/build/link-check.ts';
import { lineOfLink, pageLinks, readRenderedPage } from '../../src/build/page-links.ts';
import { indexedHtml } from '../../src/search/indexed-html.ts';

describe('the links of a page', () => {
  it('are the internal URLs of links, images, sources, scripts and forms, once each, with the ids and names they may point to', () => {
    const html = [
      '<html><head><link rel="stylesheet" href="/portal/_astro/a.css"><link rel="canonical" href="https://dev.example/portal/"><script src="/portal/s.js"></script></head>',
      '<body><h2 id="rules">Rules</h2><a name="old"></a><a href="/portal/guides/x/">x</a><a href="/portal/guides/x/">again</a>',
      '<a href="#rules">up</a><a href="mailto:a@b.example">mail</a><a href="//cdn.example/x">cdn</a><a href="">self</a>',
      '<img src="../logo.png" srcset="/portal/a.png 1x, /portal/b.png 2x"><form action="/portal/search/"></form>',
      '<p data-href="/not-a-link/">text with href="/neither/"</p><script>const a = "<a href=\'/in-script/\'>";</script>',
      '<a href="/portal/q/?a=1&amp;b=2">q</a></body></html>',
    ].join('\n');
    const { anchors, links } = pageLinks(html);
    expect(anchors).toEqual(['rules', 'old']);
    expect(links).toEqual([
      '/portal/_astro/a.css',
      '/portal/s.js',
      '/portal/guides/x/',
      '#rules',
      '../logo.png',
      '/portal/a.png',
      '/portal/b.png',
      '/portal/search/',
      '/portal/q/?a=1&b=2',
    ]);
    expect(lineOfLink(html, '/portal/search/')).toBe(4);
    expect(lineOfLink(html, '/nowhere/')).toBeUndefined();
    // Read with the search index's trimming in one parse, they are the same.
    expect(readRenderedPage(html)).toEqual({ links: pageLinks(html), indexed: indexedHtml(html) });
  });

  it('are the same read in the one parse that trims the page for the search index, excluded parts and pages it is unsure of included', () => {
    const trimmed = '<main><pre class="code-block" id="ex">a &amp; b <a href="/in/pre/?x=1&amp;y=2">in</a></pre><a href="/after/">after</a></main>';
    // An HTML element inside SVG: the trimming gives up half-way and returns the page whole.
    const unsure = '<main><svg><a href="/svg/">s</a><pre class="code-block">x</pre></svg><a href="/after/" id="z">after</a></main>';
    for (const html of [trimmed, unsure]) expect(readRenderedPage(html), html).toEqual({ links: pageLinks(html), indexed: indexedHtml(html) });
    expect(readRenderedPage(trimmed).indexed).not.toBe(trimmed);
    expect(readRenderedPage(unsure).links.links).toEqual(['/svg/', '/after/']);
  });
});

describe('the link check', () => {
  const files = ['index.html', 'guides/x/index.html', 'guides/y/index.html', 'apis/a/openapi.yaml', 'logo.png', '404.html'];

  function check(base: string, pages: Record<string, string[]>, anchors: Record<string, string[]> = {}) {
    const links = new LinkCheck(base);
    for (const page of new Set([...Object.keys(pages), ...Object.keys(anchors)])) links.add(page, { links: pages[page] ?? [], anchors: anchors[page] ?? [] });
    return links.broken(files);
  }

  it('finds nothing wrong with links to files, pages and anchors that exist, however they are written', () => {
    const pages = {
      'guides/x/index.html': [
        '/portal/',
        '/portal',
        '/portal/guides/y/#retries',
        '../y/',
        '../../logo.png',
        '/portal/apis/a/openapi.yaml',
        '#rules',
        '#',
        '#top',
        '/portal/guides/y/?q=1',
        '/portal/guides/y',
      ],
      'index.html': ['guides/x/', './guides/y/#retries', '/portal/guides/%78/'],
    };
    expect(check('/portal/', pages, { 'guides/y/index.html': ['retries'], 'guides/x/index.html': ['rules'] })).toEqual([]);
  });

  it('reports each broken target once, with the first page that holds it and on how many', () => {
    const broken = check('/portal/', {
      'guides/x/index.html': ['/portal/guides/missing/', '/portal/guides/y/#nope', '#gone', '/guides/y/'],
      'guides/y/index.html': ['/portal/guides/missing/', '../missing/', 'img/x.png'],
    });
    expect(broken).toEqual([
      { url: '/portal/guides/missing/', page: 'guides/x/index.html', pages: 3, problem: 'no-file', file: 'guides/missing/index.html' },
      { url: '/portal/guides/y/#nope', page: 'guides/x/index.html', pages: 1, problem: 'no-anchor', file: 'guides/y/index.html', anchor: 'nope' },
      { url: '#gone', page: 'guides/x/index.html', pages: 1, problem: 'no-anchor', file: 'guides/x/index.html', anchor: 'gone' },
      { url: '/guides/y/', page: 'guides/x/index.html', pages: 1, problem: 'outside-base', file: '' },
      { url: 'img/x.png', page: 'guides/y/index.html', pages: 1, problem: 'no-file', file: 'guides/y/img/x.png' },
    ]);
  });

  it('reads links from the site root without a base path, and a fragment of a file that is no page as found', () => {
    expect(check('/', { 'index.html': ['/guides/x/', 'guides/y/', '/apis/a/openapi.yaml#/paths', '/portal/'] })).toEqual([
      { url: '/portal/', page: 'index.html', pages: 1, problem: 'no-file', file: 'portal/index.html' },
    ]);
  });
});
