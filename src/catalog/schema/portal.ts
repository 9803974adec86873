import { z } from 'astro/zod';
import { AudienceSchema } from './common.ts';
import { ruleCodes, ruleSeverities } from '../rules/rule-codes.ts';

const RepositoryUrlSchema = z.url({ protocol: /^https?$/ }).meta({ description: 'The catalogue repository’s web address.', examples: ['https://git.example.com/acme/api-catalogue'] });

/** Where the catalogue lives, and whether readers outside the organisation may know it: the plain URL is a private repository. */
const RepositorySchema = z
  .union([
    RepositoryUrlSchema,
    z.strictObject({
      url: RepositoryUrlSchema,
      public: z.boolean().default(false).meta({ description: 'True when anyone may read the repository; false: its links appear in internal builds only.' }),
    }),
  ])
  .transform((repository) => (typeof repository === 'string' ? { url: repository, public: false } : repository))
  .meta({
    description: 'The catalogue repository, for "edit this page" links; shown in internal builds only unless `public: true`.',
    examples: ['https://git.example.com/acme/api-catalogue', { url: 'https://github.com/acme/api-catalogue', public: true }],
  });

/** portal.yaml: portal-wide settings. */
export const PortalSchema = z
  .strictObject({
    title: z.string().min(1).default('Developer Portal').meta({ description: 'The portal title, shown on every page.', examples: ['Acme Developer Portal'] }),
    organisation: z.string().optional().meta({ description: 'The organisation publishing the portal.', examples: ['Acme Telecom'] }),
    repository: RepositorySchema.optional(),
    branch: z.string().default('main').meta({ description: 'The branch "edit this page" links point to.' }),
    audience: AudienceSchema.default('public').meta({ description: 'Default audience of a build; the `--audience` option wins.' }),
    limits: z
      .strictObject({
        maxFileMB: z.number().positive().default(25).meta({ description: 'Larger catalogue files are an error.' }),
      })
      .default({ maxFileMB: 25 })
      .meta({ description: 'Safety limits of the build.' }),
    scorecard: z
      .strictObject({
        audience: z.enum(['internal', 'partner']).meta({ description: 'The widest build that shows each API’s scorecard: internal or partner. Public builds never show it.' }),
      })
      .optional()
      .meta({ description: 'Who reads the API scorecard (design rules, documentation, examples, security, lifecycle); without it, internal builds only.' }),
    rules: z
      .partialRecord(
        z.enum(ruleCodes),
        z.enum(ruleSeverities).meta({ description: 'error fails check and build, warning is reported only (check --strict makes it an error), off does not run the rule.' }),
      )
      .optional()
      .meta({
        description: `The severity of each business rule, when not its default (error; warning for rule/single-master, rule/duplicate-api and rule/service-owner, the portfolio findings): ${ruleCodes.join(', ')}.`,
        examples: [{ 'rule/sandbox': 'warning', 'rule/product-owner': 'off' }],
      }),
  })
  .meta({ title: 'Portolan portal.yaml', description: 'Portal-wide settings of a Portolan catalogue.' });

/** portal.yaml as written by authors. */
export type PortalInput = z.input<typeof PortalSchema>;
/** portal.yaml with defaults applied. */
export type PortalConfig = z.output<typeof PortalSchema>;
