import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Catalogue Markdown is untrusted: raw HTML is dropped (never passed through), and
 * the sanitiser keeps only http(s), mailto and relative links.
 */
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/** Renders catalogue Markdown (CommonMark + GFM) to safe HTML. */
export function renderMarkdown(markdown: string | undefined): string {
  if (!markdown) return '';
  return String(processor.processSync(markdown));
}
