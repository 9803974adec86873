import { z } from 'astro/zod';
import { FrameworkSchema, IdSchema, MarkdownSchema } from './common.ts';

const fields = {
  name: z.string().min(1).meta({ description: 'The display name.', examples: ['Party Management'] }),
  summary: z.string().optional().meta({ description: 'One line saying what it covers.', examples: ['Customers, partners, accounts and their relationships.'] }),
  description: MarkdownSchema.optional().meta({ description: 'A longer introduction, shown on its page (Markdown).' }),
  framework: FrameworkSchema.optional(),
};

/** domain.yaml: a business domain; domains nest up to 3 levels. */
export const DomainSchema = z
  .strictObject({
    ...fields,
    owner: IdSchema.optional().meta({ description: 'The owning team (a key of teams.yaml); inherited by what is inside.', examples: ['party-team'] }),
  })
  .meta({ title: 'Portolan domain.yaml', description: 'A business domain of the catalogue.' });

/** service.yaml: a business service with one owner, exposed by one or more APIs. */
export const ServiceSchema = z
  .strictObject({
    ...fields,
    owner: IdSchema.meta({ description: 'The owning team (a key of teams.yaml); inherited by its APIs.', examples: ['party-team'] }),
  })
  .meta({ title: 'Portolan service.yaml', description: 'A business service: a capability with one owner, in one domain.' });

/** domain.yaml with defaults applied. */
export type DomainConfig = z.output<typeof DomainSchema>;
/** service.yaml with defaults applied. */
export type ServiceConfig = z.output<typeof ServiceSchema>;
