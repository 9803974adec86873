import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { createHighlighter } from 'shiki';
import { unified } from 'unified';
import { codeLanguages, codeThemes, tokenizeTimeLimit } from './code-themes.ts';
import { rehypeBaseLinks } from './base-links.ts';
import { rehypeLocalImages } from './local-images.ts';
import { rehypeScrollableTables } from './scrollable-tables.ts';
import { allowedSchemes } from '../catalog/safe-urls.ts';

/**
 * Catalogue Markdown is untrusted: raw HTML is dropped (never passed through), the sanitiser
 * keeps only http(s), mailto and relative links, and images from other origins become their alt text.
 */
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: [...allowedSchemes.href], src: [...allowedSchemes.src] },
};

const highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs: codeLanguages });

/** The renderer for a site served under `base`: a build has one base, so one processor. */
function processorFor(base: string) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: false })
      .use(rehypeSanitize, schema)
      .use(rehypeLocalImages)
      .use(rehypeScrollableTables)
      .use(rehypeBaseLinks, { base })
      // After the sanitiser: Shiki writes its own style attributes, from code text it escapes.
      .use(rehypeShikiFromHighlighter, highlighter, { themes: codeThemes, defaultColor: false, fallbackLanguage: 'text', tokenizeTimeLimit })
      .use(rehypeStringify)
      .freeze()
  );
}

const processors = new Map<string, ReturnType<typeof processorFor>>();

/**
 * A one-line text that CommonMark and GFM read as one paragraph of itself: letters, digits and
 * punctuation that opens nothing (no emphasis, code, link, HTML, entity, escape, table or autolink
 * character, no `www.`), not starting as a list item, no space at either end. Such a text renders
 * as `<p>text</p>` with nothing to escape; contracts hold tens of thousands of them, and the full
 * pipeline costs about 0.1 ms each.
 */
const plainParagraph = /^(?!\d+[.)])(?!.*www\.)[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ,.;'"?!/%=+$-]*[\p{L}\p{M}\p{N},.;'"?!/%=+$-])?$/iu;

/** Renders catalogue Markdown (CommonMark + GFM) to safe HTML, its root-relative links served under `base` (base-links.ts). */
export function renderMarkdown(markdown: string | undefined, base = '/'): string {
  if (!markdown) return '';
  if (plainParagraph.test(markdown)) return `<p>${markdown}</p>`;
  let processor = processors.get(base);
  if (!processor) processors.set(base, (processor = processorFor(base)));
  return String(processor.processSync(markdown));
}

/** One paragraph as rendered, nothing before or after it: its content is phrasing content. */
const oneParagraph = /^<p>((?:(?!<\/?p[ >])[\s\S])*)<\/p>\s*$/;

/**
 * Catalogue Markdown for a one-line place (a summary, a table cell, beside a name): the content of
 * its paragraph when it renders as one (`Retry after \`Retry-After\``), so no block is added; undefined
 * when it renders as blocks (lists, several paragraphs), which the caller shows with renderMarkdown.
 */
export function renderInlineMarkdown(markdown: string | undefined, base = '/'): string | undefined {
  const html = renderMarkdown(markdown, base);
  if (!html) return '';
  return oneParagraph.exec(html)?.[1];
}
