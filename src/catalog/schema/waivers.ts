import { z } from 'astro/zod';
import { IdSchema } from './common.ts';

/** One waiver: an API may break a design rule, for a reason, until a date, with an approver. */
export const WaiverSchema = z
  .strictObject({
    api: IdSchema.meta({ description: 'The id (folder name) of the API the waiver is for.', examples: ['customer-api-v4'] }),
    rule: z
      .string()
      .min(1)
      .meta({ description: 'The rule waived, as `lint` names it without its `lint/` prefix.', examples: ['owasp:api4:2023-string-limit', 'operation-description'] }),
    reason: z.string().min(1).meta({ description: 'Why the API may break the rule, for the next reader.', examples: ['Legacy free-text fields; bounded by the gateway until v5.'] }),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .meta({ description: 'The last day the waiver applies (YYYY-MM-DD); after it, the rule’s findings count again.', examples: ['2027-06-30'] }),
    approvedBy: z.string().min(1).meta({ description: 'Who approved the waiver: a name or a team.', examples: ['Architecture board'] }),
  })
  .meta({ description: 'A waiver of one design rule for one API.' });

/** rules/waivers.yaml: the design rules each API may break, for a time. */
export const WaiversSchema = z.array(WaiverSchema).meta({
  title: 'Portolan rules/waivers.yaml',
  description: 'Waivers of design rules: each lets one API break one rule until a date, with a reason and an approver. A waived finding is still shown, marked waived.',
});

/** One waiver as written. */
export type WaiverInput = z.input<typeof WaiverSchema>;
