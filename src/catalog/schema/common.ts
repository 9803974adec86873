import { z } from 'astro/zod';
import { idPattern } from './id-pattern.ts';

/** A catalogue identifier: a folder name, safe as a URL path segment. */
export const IdSchema = z
  .string()
  .regex(idPattern, 'must be lower-case ASCII letters, digits and hyphens, starting with a letter')
  .max(64)
  .meta({ description: 'An identifier: the folder name of an API, service or domain, or a team key.', examples: ['customer-api'] });

/** Catalogue Markdown (CommonMark + GFM tables); raw HTML is removed when rendered. */
export const MarkdownSchema = z.string().meta({ description: 'Markdown (CommonMark and GFM tables). Raw HTML is removed.', contentMediaType: 'text/markdown' });

/** Who may see an API: public ⊂ partner ⊂ internal. */
export const AudienceSchema = z
  .enum(['public', 'partner', 'internal'])
  .meta({ description: 'Who may see it: public ⊂ partner ⊂ internal.' });

/** The industry taxonomy a domain or service maps to. */
export const FrameworkSchema = z
  .strictObject({
    name: z.string().meta({ description: 'The framework.', examples: ['TM Forum ODA', 'BIAN'] }),
    ref: z.string().meta({ description: 'The component or service domain in that framework.', examples: ['Party Management'] }),
  })
  .meta({ description: 'The industry taxonomy this maps to.' });
