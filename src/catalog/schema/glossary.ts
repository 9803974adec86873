import { z } from 'astro/zod';

/** A locale code (BCP 47): a language, then optional subtags. */
const LocaleSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en, fr or fr-CA')
  .meta({ title: 'locale', description: 'A locale code (BCP 47).', examples: ['en', 'fr', 'fr-CA'] });

/** Other words or phrases readers use for a term. */
const SynonymsSchema = z.array(z.string()).meta({
  description: 'Words or phrases readers use for the term, in any language. Search finds a page that says one of them, or the term, by any of them.',
  examples: [['bill', 'facture']],
});

/** A term's synonyms: one list for every locale, or a list per locale. */
const TermSchema = z.union([SynonymsSchema, z.record(LocaleSchema, SynonymsSchema)]).meta({
  description:
    'The synonyms of the term: a list, or a list per locale (`{ en: [bill], fr: [facture] }`). A page is found by the words of every locale; only the words of its own locale (and the term and the plain list) tell which terms it says.',
  examples: [['bill', 'facture'], { en: ['bill'], fr: ['facture'] }],
});

/** glossary.yaml: business term → its synonyms. */
export const GlossarySchema = z
  .record(z.string().min(1).meta({ title: 'term', description: 'A business term, in the portal’s default locale.' }), TermSchema)
  .meta({
    title: 'Portolan glossary.yaml',
    description: 'Business terms and their synonyms, used by the portal search and the API explorer: `invoice: [bill, facture]`. The term is a word of the portal’s default locale.',
    examples: [{ invoice: ['bill', 'facture'], customer: { en: ['subscriber'], fr: ['client'] } }],
  });

/** glossary.yaml as written by authors. */
export type GlossaryInput = z.input<typeof GlossarySchema>;
