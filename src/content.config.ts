import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDirVariable } from './integrations/portolan.ts';
import { guideFrontMatter } from './site/guide-schema.ts';

/** The portal team's onboarding guides: content/guides/*.mdx (MDX is accepted here, never in the catalogue). */
const guides = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${process.env[contentDirVariable] ?? './content'}/guides` }),
  schema: guideFrontMatter,
});

export const collections = { guides };
