import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { createHighlighter } from 'shiki';
import { unified } from 'unified';
import { codeLanguages, codeThemes, tokenizeTimeLimit } from './code-themes.ts';
import { rehypeLocalImages } from './local-images.ts';
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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, schema)
  .use(rehypeLocalImages)
  // After the sanitiser: Shiki writes its own style attributes, from code text it escapes.
  .use(rehypeShikiFromHighlighter, highlighter, { themes: codeThemes, defaultColor: false, fallbackLanguage: 'text', tokenizeTimeLimit })
  .use(rehypeStringify)
  .freeze();

/** Renders catalogue Markdown (CommonMark + GFM) to safe HTML. */
export function renderMarkdown(markdown: string | undefined): string {
  if (!markdown) return '';
  return String(processor.processSync(markdown));
}
