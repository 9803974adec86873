import { z } from 'astro/zod';
import { AudienceSchema, IdSchema, MarkdownSchema } from './common.ts';
import { isPublishableServerUrl } from '../server-urls.ts';

/** The four API types of the taxonomy. */
export const ApiTypeSchema = z
  .enum(['data', 'process', 'experience', 'event'])
  .meta({ description: 'data: access to reference or transactional data; process: orchestrates a business process; experience: serves one channel; event: publishes or subscribes to business events.' });

/** Where an API stands in its life. */
export const LifecycleSchema = z
  .enum(['design', 'beta', 'stable', 'deprecated', 'retired'])
  .meta({ description: 'design, beta, stable, deprecated (needs deprecation.sunset) or retired.' });

/** How sensitive a business entity is. */
export const SensitivitySchema = z
  .enum(['public', 'internal', 'confidential', 'personal'])
  .meta({ description: 'public, internal, confidential, or personal (personal data under GDPR).' });

const StandardSchema = z.strictObject({
  framework: z.string().meta({ description: 'The body or framework that publishes the standard.', examples: ['TM Forum'] }),
  id: z.string().meta({ description: 'The standard’s identifier in that framework.', examples: ['TMF629'] }),
  name: z.string().optional().meta({ description: 'The standard’s name.', examples: ['Customer Management'] }),
  url: z.url({ protocol: /^https?$/ }).optional().meta({ description: 'Where the standard is published (http or https).' }),
});

const BusinessSchema = z
  .strictObject({
    purpose: MarkdownSchema.meta({ description: 'What the API does for the business (Markdown).' }),
    triggers: MarkdownSchema.optional().meta({ description: 'The business request or event that starts it.' }),
    data: z
      .array(
        z.strictObject({
          entity: z.string().meta({ description: 'A business entity, in business words.', examples: ['Customer'] }),
          sensitivity: SensitivitySchema,
          description: z.string().optional().meta({ description: 'What of the entity it handles, in a few words.' }),
          master: z.boolean().optional().meta({ description: 'true when this API is the system of record for the entity: the one place it is created and changed (default false). One API per entity (rule/single-master).' }),
        }),
      )
      .optional()
      .meta({ description: 'The business entities it handles and their sensitivity.' }),
    rules: MarkdownSchema.optional().meta({ description: 'Business rules.' }),
    policy: MarkdownSchema.optional().meta({ description: 'Usage and confidentiality policy.' }),
  })
  .meta({ description: 'Business documentation: purpose is required, the rest optional, all Markdown.' });

const SlaSchema = z
  .strictObject({
    availability: z.string().optional().meta({ description: 'The share of time it answers.', examples: ['99.9%'] }),
    latency: z.string().optional().meta({ description: 'How fast it answers.', examples: ['p95 < 300 ms'] }),
    rateLimit: z.string().optional().meta({ description: 'How many requests a client may send in a time.', examples: ['50 requests/s per client'] }),
    quota: z.string().optional().meta({ description: 'How many calls a client may make in a period.', examples: ['100,000 calls/day'] }),
    support: z.string().optional().meta({ description: 'When and how the owning team answers.', examples: ['Mon-Fri 8:00-18:00 CET'] }),
  })
  .meta({ description: 'Operational commitments, shown under At a glance on the API page.' });

const EnvironmentSchema = z.strictObject({
  name: z.string().meta({ description: 'The environment’s name.', examples: ['Sandbox'] }),
  url: z
    .url({ protocol: /^(https?|wss?|mqtts?|kafka|amqps?)$/ })
    .refine(isPublishableServerUrl, {
      message: 'a server URL may not hold spaces, quotes, semicolons, commas or angle brackets',
      when: (payload) => payload.issues.length === 0,
    })
    .meta({ description: 'The base URL of the API in that environment (http, https, ws, wss, mqtt, kafka or amqp).', examples: ['https://sandbox.api.example.com/customer/v4'] }),
  description: z.string().optional().meta({ description: 'What the environment is for.' }),
});

/** A consumer: an API id, or an application in free text, internal unless it says who may read its name. */
const ConsumerSchema = z.union([
  z.string().min(1).meta({ description: 'An API id, or an application name (shown to internal readers only).', examples: ['order-capture-api', 'Mobile app'] }),
  z
    .strictObject({
      name: z.string().min(1).meta({ description: 'The application (or API id) that consumes it.', examples: ['Polar Broadband CRM'] }),
      audience: AudienceSchema.meta({ description: 'Who may read that it consumes this API: public ⊂ partner ⊂ internal.' }),
    })
    .meta({ description: 'A consumer whose name the given audience may read.' }),
]);

/** api.yaml: one API, its business metadata and the path of its contract. */
export const ApiSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'The display name.', examples: ['Customer API'] }),
    summary: z.string().min(1).meta({ description: 'One line saying what it does.', examples: ['Create, read and update customers.'] }),
    type: ApiTypeSchema,
    lifecycle: LifecycleSchema,
    audience: AudienceSchema,
    owner: IdSchema.optional().meta({ description: 'The owning team (a key of teams.yaml); optional when inherited from the service or domain.', examples: ['party-team'] }),
    contract: z.string().min(1).meta({ description: 'The OpenAPI or AsyncAPI file, relative to this folder.', examples: ['openapi.yaml'] }),
    standards: z.array(StandardSchema).optional().meta({ description: 'Industry standards implemented.' }),
    business: BusinessSchema,
    sla: SlaSchema.optional(),
    environments: z.array(EnvironmentSchema).optional().meta({ description: 'Where the API runs; default: the contract’s servers.' }),
    consumers: z
      .array(ConsumerSchema)
      .optional()
      .meta({
        description: 'API ids, or applications that consume it. An application named in free text is shown to internal readers only, unless it says its audience.',
        examples: [['order-capture-api', 'Mobile app', { name: 'Polar Broadband CRM', audience: 'partner' }]],
      }),
    dependsOn: z.array(IdSchema).optional().meta({ description: 'API ids it calls.', examples: [['address-api']] }),
    tags: z.array(z.string().min(1)).optional().meta({ description: 'Words people will search for.', examples: [['customer', 'GDPR']] }),
    replaces: IdSchema.optional().meta({
      description: 'The API id of the earlier version of the same product line that this API replaces; that API’s `deprecation.replacedBy` is the other end.',
      examples: ['customer-api-v3'],
    }),
    deprecation: z
      .strictObject({
        sunset: z.iso.date().meta({ description: 'The date it stops answering, YYYY-MM-DD.', examples: ['2027-06-30'] }),
        replacedBy: IdSchema.optional().meta({ description: 'The API id that replaces it.', examples: ['customer-api-v5'] }),
      })
      .optional()
      .meta({ description: 'Required when lifecycle is deprecated.' }),
  })
  .meta({ title: 'Portolan api.yaml', description: 'One API of the catalogue: business metadata and its contract.' });

/** api.yaml as written by authors. */
export type ApiInput = z.input<typeof ApiSchema>;
/** api.yaml after validation. */
export type ApiConfig = z.output<typeof ApiSchema>;
