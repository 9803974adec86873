import { z } from 'astro/zod';
import { IdSchema } from './common.ts';

/** One owning team. */
export const TeamSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'The team name.', examples: ['Party Management team'] }),
    productOwner: z.string().optional().meta({ description: 'The product owner of the team’s APIs.', examples: ['Jeanne Martin'] }),
    contact: z.string().optional().meta({ description: 'How to reach the team: an e-mail address or a URL.', examples: ['party-apis@example.com'] }),
  })
  .meta({ description: 'An owning team.' });

/** teams.yaml: team id → team. */
export const TeamsSchema = z
  .record(IdSchema.meta({ title: 'team id', description: 'The team id that `owner` fields name.', examples: ['party-team'] }), TeamSchema)
  .meta({ title: 'Portolan teams.yaml', description: 'The teams that own domains, services and APIs, keyed by team id.' });

/** One team as written. */
export type TeamInput = z.input<typeof TeamSchema>;
