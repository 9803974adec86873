import { describe, expect, it } from 'vitest';
import { compileSynonyms, wordsOf } from '../../src/search/synonyms.ts';
import { searchVocabulary } from '../../src/search/vocabulary.ts';
import { smallCatalog } from './small-catalog.ts';

const glossary = compileSynonyms([
  {
    term: 'bill',
    synonyms: [
      { text: 'invoice', locale: 'en' },
      { text: 'facture', locale: 'fr' },
    ],
  },
  { term: 'order status', synonyms: [{ text: 'order state' }, { text: 'statut de commande', locale: 'fr' }] },
  { term: 'customer', synonyms: [{ text: 'client', locale: 'fr' }] },
]);
const added = (texts: string[], locale = 'en') => glossary.added(texts.map(wordsOf), locale).map(({ part, phrases }) => ({ part, phrases }));

describe('the synonyms a part of a page calls for', () => {
  it('are every other word of each term the part says, after the first text that says it', () => {
    expect(added(['Lists the orders.', 'Read a bill and its customer.', 'The bill PDF.'])).toEqual([
      { part: 1, phrases: ['invoice', 'facture'] },
      { part: 1, phrases: ['client'] },
    ]);
  });

  it('are found from a synonym as from the term, in the page’s locale or the plain list, and from a phrase only whole', () => {
    expect(added(['Each invoice'])).toEqual([{ part: 0, phrases: ['bill', 'facture'] }]);
    expect(added(['The order state changes'])).toEqual([{ part: 0, phrases: ['order status', 'statut de commande'] }]);
    expect(added(['The order and its state'])).toEqual([]);
    expect(added(['OAuth client credentials'])).toEqual([]);
    expect(added(['Le client'], 'fr-CA')).toEqual([{ part: 0, phrases: ['customer'] }]);
  });

  it('name the term they are the other words of', () => {
    expect(glossary.added([wordsOf('Each invoice')], 'en')).toEqual([{ part: 0, term: 'bill', phrases: ['bill', 'facture'] }]);
  });

  it('leave out the words the part already says, and change the digest with the glossary', () => {
    expect(added(['A bill is an invoice'])).toEqual([{ part: 0, phrases: ['facture'] }]);
    expect(compileSynonyms([]).added([['bill']], 'en')).toEqual([]);
    expect(compileSynonyms([]).digest).not.toBe(glossary.digest);
  });

  it('read words as the index does: lower case, accents and inner apostrophes kept', () => {
    expect(wordsOf('Pièce d’identité, GET /customerBill/{id}')).toEqual(['pièce', 'd’identité', 'get', 'customerbill', 'id']);
  });
});

describe('the words a misspelling is corrected to', () => {
  it('are those of the names, summaries and glossary, four letters or more, the most frequent first', () => {
    const words = searchVocabulary(smallCatalog(), [{ slug: 'errors', title: 'Errors and KO codes', order: 1, audience: 'public' }]);
    // "order": two APIs' names and their operations; then names and summaries said twice.
    expect(words[0]).toBe('order');
    expect(words.indexOf('billing')).toBeLessThan(words.indexOf('warehouse'));
    expect(words).toEqual(expect.arrayContaining(['billing', 'invoice', 'facture', 'errors', 'codes']));
    expect(words.every((word) => word.length >= 4 && !/\d/.test(word))).toBe(true);
  });

  it('hold the glossary’s words only for the terms the audience’s text says', () => {
    const catalog = { ...smallCatalog(), glossary: [...smallCatalog().glossary, { term: 'fraud scoring', synonyms: [{ text: 'risk engine' }] }] };
    const words = searchVocabulary(catalog, []);
    expect(words).toEqual(expect.arrayContaining(['invoice', 'facture']));
    expect(words).not.toEqual(expect.arrayContaining(['fraud']));
    expect(words).not.toEqual(expect.arrayContaining(['engine']));
  });
});
