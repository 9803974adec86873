import type { Rng } from './prng.ts';
import { NOUNS, QUALIFIERS, VERBS } from './vocabulary.ts';

/** `sim-card` → `simCard`. */
export function toCamel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `sim-card` → `SimCard`. */
export function toPascal(id: string): string {
  const camel = toCamel(id);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `sim-card` → `Sim card`. */
export function toTitle(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** English plural of an identifier's last word: `policy` → `policies`. */
export function pluralise(id: string): string {
  if (/[^aeiou]y$/.test(id)) return `${id.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(id)) return `${id}es`;
  return `${id}s`;
}

/** `order` → `an order`, `customer` → `a customer`. */
export function withArticle(words: string): string {
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

/** One sentence about a subject, e.g. "The customer service validates the record for each market." */
export function sentence(rng: Rng, subject: string): string {
  return `The ${subject.replace(/-/g, ' ')} service ${rng.pick(VERBS)} the ${rng.pick(NOUNS)} ${rng.pick(QUALIFIERS)}.`;
}

/** A paragraph of `count` sentences about a subject. */
export function paragraph(rng: Rng, subject: string, count: number): string {
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(sentence(rng, subject));
  return sentences.join(' ');
}
