import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/site/markdown.ts';

describe('catalogue Markdown', () => {
  it('renders CommonMark and GFM tables', () => {
    const html = renderMarkdown('## Rules\n\n- one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h2');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>2</td>');
  });

  it('puts a table in a region the keyboard can reach and scroll, named by the heading before it', () => {
    const html = renderMarkdown('## Rate limits\n\n| plan | calls |\n|---|---|\n| free | 10 |\n');
    expect(html).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="Rate limits"><table>/);
  });

  it('never lets raw HTML or script through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\nText <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img|<b /);
  });

  it('keeps only http(s), mailto and relative links', () => {
    const html = renderMarkdown('[a](javascript:alert(1)) [b](https://example.com) [c](mailto:x@example.com) [d](./guide) [e](data:text/html,x)');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="mailto:x@example.com"');
    expect(html).toContain('href="./guide"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
  });

  it('keeps images from the portal and drops those from other origins', () => {
    const html = renderMarkdown('![map](./coverage.png) ![pixel](https://tracker.example/p.gif) ![x](//cdn.example/x.png)');
    expect(html).toContain('src="./coverage.png"');
    expect(html).not.toContain('tracker.example');
    expect(html).not.toContain('cdn.example');
    expect(html).toContain('pixel');
  });

  it('highlights fenced code in both themes, escaping what the code holds', () => {
    const html = renderMarkdown('```json\n{"name": "</code><script>alert(1)</script>"}\n```\n\n```nosuchlanguage\nplain\n```');
    expect(html).toContain('class="shiki shiki-themes github-light github-dark-default"');
    expect(html).toContain('--shiki-dark:');
    expect(html).not.toContain('<script>');
    expect(html).toContain('plain');
  });

  it('renders a one-line description as a paragraph, and text that only looks plain as Markdown', () => {
    expect(renderMarkdown('Unique identifier of the account, at most 255 characters.')).toBe(
      '<p>Unique identifier of the account, at most 255 characters.</p>',
    );
    expect(renderMarkdown('Größe "in cm" (100% sure?)')).toBe('<p>Größe "in cm" (100% sure?)</p>');
    expect(renderMarkdown('1. First step')).toContain('<ol>');
    expect(renderMarkdown('2024) was the year')).toContain('<ol start="2024">');
    expect(renderMarkdown('See www.example.com for more')).toContain('<a href="http://www.example.com">');
    expect(renderMarkdown('Mail ops@example.com')).toContain('<a href="mailto:ops@example.com">');
    expect(renderMarkdown('Trailing space ')).toBe('<p>Trailing space</p>');
    expect(renderMarkdown('A *b* c')).toBe('<p>A <em>b</em> c</p>');
  });

  it('renders a one-line place inline: code shown as code, no paragraph around it, blocks left to the caller', () => {
    expect(renderInlineMarkdown('Retry after the number of seconds in `Retry-After`.')).toBe('Retry after the number of seconds in <code>Retry-After</code>.');
    expect(renderInlineMarkdown('Plain words')).toBe('Plain words');
    expect(renderInlineMarkdown(undefined)).toBe('');
    expect(renderInlineMarkdown('One.\n\nTwo.')).toBeUndefined();
    expect(renderInlineMarkdown('- a\n- b')).toBeUndefined();
    expect(renderInlineMarkdown('<b onclick="x()">bold</b> `ok`')).not.toMatch(/onclick|<b /);
  });
});
