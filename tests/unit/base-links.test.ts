import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { rebaseUrl, satteriBaseLinks } from '../../src/site/base-links.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';

describe('links served under the base path', () => {
  it('puts root-relative links under the base, and leaves every other kind alone', () => {
    expect(rebaseUrl('/guides/authentication/', '/portal/')).toBe('/portal/guides/authentication/');
    expect(rebaseUrl('/guides/errors/#retries', '/portal')).toBe('/portal/guides/errors/#retries');
    expect(rebaseUrl('/', '/portal/')).toBe('/portal/');
    expect(rebaseUrl('/logo.png', 'portal')).toBe('/portal/logo.png');
    for (const kept of [
      '/portal/guides/x/',
      '/portal',
      '/portal?q=1',
      '/portal#top',
      '//cdn.example/x.png',
      '/\\evil.example',
      'https://example.com/x',
      'mailto:a@b.example',
      '#anchor',
      '?q=1',
      'other/',
      '../x/',
      '',
    ])
      expect(rebaseUrl(kept, '/portal/')).toBe(kept);
    // A path that only starts like the base is not under it.
    expect(rebaseUrl('/portals/x/', '/portal/')).toBe('/portal/portals/x/');
    expect(rebaseUrl('/guides/x/', '/')).toBe('/guides/x/');
  });

  it('rebases the links and images of catalogue Markdown, reference definitions included', () => {
    const html = renderMarkdown(
      'See [auth](/guides/authentication/), [ref][r], ![logo](/logo.png), [ext](https://example.com/), [top](#top) and [rel](docs/x/).\n\n[r]: /apis/x/#schema-Y\n',
      '/portal/',
    );
    expect(html).toContain('href="/portal/guides/authentication/"');
    expect(html).toContain('href="/portal/apis/x/#schema-Y"');
    expect(html).toContain('src="/portal/logo.png"');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('href="#top"');
    expect(html).toContain('href="docs/x/"');
  });

  it('changes nothing without a base path', () => {
    expect(renderMarkdown('[auth](/guides/authentication/)')).toContain('href="/guides/authentication/"');
    expect(renderMarkdown('[auth](/guides/authentication/)', '/')).toContain('href="/guides/authentication/"');
  });

  it('rebases the guides as Astro renders them (Sätteri), links written as MDX elements included', async () => {
    const plugin = satteriBaseLinks('/portal/')!;
    expect((await markdownToHtml('[a](/x/) ![i](/i.png) [e](https://example.com/)', { hastPlugins: [plugin] })).html).toBe(
      '<p><a href="/portal/x/">a</a> <img src="/portal/i.png" alt="i"> <a href="https://example.com/">e</a></p>\n',
    );
    const { code } = await mdxToJs('[a](/x/#f)\n\n<a href="/jsx/">j</a> <img src="/i.png" srcSet="/a.png 1x, b.png 2x" />\n\n<Link to="/c/">c</Link>\n', {
      hastPlugins: [plugin],
    });
    expect(code).toContain('href: "/portal/x/#f"');
    expect(code).toContain('href: "/portal/jsx/"');
    expect(code).toContain('src: "/portal/i.png"');
    expect(code).toContain('srcSet: "/portal/a.png 1x, b.png 2x"');
    // A component is not an HTML element: its props are its own (Link adds the base itself).
    expect(code).toContain('to: "/c/"');
    expect(satteriBaseLinks('/')).toBeUndefined();
  });
});
