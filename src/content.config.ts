import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDirVariable } from './integrations/portolan.ts';

/** The portal team's onboarding guides: content/guides/*.mdx (MDX is accepted here, never in the catalogue). */
const guides = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${process.env[contentDirVariable] ?? './content'}/guides` }),
  schema: z.object({
    title: z.string(),
    description: z.string().optional(),
    order: z.number().default(100),
  }),
});

export const collections = { guides };
