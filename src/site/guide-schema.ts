import { z } from 'astro/zod';
import { AudienceSchema } from '../catalog/schema/common.ts';

/** The front matter of a guide in content/guides: the guides collection and the build's own lists (llms.txt) read it alike. */
export const guideFrontMatter = z.object({
  title: z.string(),
  description: z.string().optional(),
  order: z.number().default(100),
  audience: AudienceSchema.default('public').meta({ description: 'Who the guide is for: it is left out of builds for narrower audiences.' }),
});
