import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/catalog/format/text.ts';
import { readGlossary } from '../../src/catalog/glossary.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { readYaml } from '../../src/catalog/read-yaml.ts';
import { GlossarySchema } from '../../src/catalog/schema/glossary.ts';
import { validateDocument } from '../../src/catalog/validate.ts';

/** glossary.yaml read and checked as the pipeline does: parsed with positions, validated, then its words read. */
function glossary(text: string) {
  const doc = readYaml('glossary.yaml', text).value!;
  const valid = validateDocument(GlossarySchema, doc);
  if (!valid.value) return { terms: undefined, diagnostics: valid.diagnostics };
  const read = readGlossary(doc, valid.value);
  return { terms: read.value, diagnostics: read.diagnostics };
}

const located = (diagnostics: ReturnType<typeof glossary>['diagnostics']) => diagnostics.map((d) => [d.line, d.column, d.code, d.severity, d.message]);

describe('glossary.yaml', () => {
  it('takes the format’s own example: a term and a list of synonyms of any locale', () => {
    expect(glossary('invoice: [bill, facture]\n')).toEqual({
      terms: [{ term: 'invoice', synonyms: [{ text: 'bill' }, { text: 'facture' }] }],
      diagnostics: [],
    });
  });

  it('takes a list per locale, and tidies the spaces of each word', () => {
    expect(glossary('"  order   status ":\n  en: [order state]\n  fr: ["  statut  de la commande"]\n').terms).toEqual([
      {
        term: 'order status',
        synonyms: [
          { text: 'order state', locale: 'en' },
          { text: 'statut de la commande', locale: 'fr' },
        ],
      },
    ]);
  });

  it('reports an empty synonym as an error where it is written, and leaves it out', () => {
    expect(located(glossary('bill:\n  - invoice\n  - "  "\n').diagnostics)).toEqual([
      [3, 5, 'glossary/empty-synonym', 'error', 'synonym 2 of "bill" is empty'],
    ]);
  });

  it('warns of a word written twice, whatever its case, and says where it was first', () => {
    const { terms, diagnostics } = glossary('bill: [invoice]\nInvoice: [statement]\nreceipt: [Bill, bill]\n');
    expect(located(diagnostics)).toEqual([
      [2, 1, 'glossary/repeated-term', 'warning', '"Invoice" is already a synonym of "bill" on line 1'],
      [3, 11, 'glossary/repeated-term', 'warning', '"Bill" is already the term on line 1'],
      [3, 17, 'glossary/repeated-term', 'warning', '"bill" is already the term on line 1'],
    ]);
    expect(terms?.map((t) => t.term)).toEqual(['bill', 'Invoice', 'receipt']);
  });

  it('lets one synonym stand under two locales of its term', () => {
    expect(glossary('customer:\n  en: [client]\n  fr: [client]\n').diagnostics).toEqual([]);
  });

  it('reports what is not a glossary with the schema’s codes: a locale that is not one, a synonym that is not text', () => {
    expect(located(glossary('order:\n  fra_FR: [commande]\nbill: [invoice, 3]\n').diagnostics).map(([line, column, code]) => [line, column, code])).toEqual([
      [2, 3, 'schema/invalid'],
      [3, 17, 'schema/type'],
    ]);
  });
});

describe('check on a catalogue with a broken glossary', () => {
  it('lists every problem of glossary.yaml with its line, column, code and hint', async () => {
    const { catalog, diagnostics } = await loadCatalog(path.resolve(import.meta.dirname, '../fixtures/catalogs/glossary-problems'));
    expect(catalog).toBeUndefined();
    expect(diagnostics.every((d) => d.file === 'glossary.yaml' && (d.hint?.length ?? 0) > 10)).toBe(true);
    expect(formatText(diagnostics, { displayPath: (f) => f, sourceLine: () => undefined, colour: false })).toMatchSnapshot();
  });

  it('builds a model whose glossary is the file’s terms, the same for every audience', async () => {
    const { catalog } = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'));
    expect(catalog!.glossary.find((t) => t.term === 'bill')?.synonyms).toEqual([
      { text: 'invoice', locale: 'en' },
      { text: 'statement', locale: 'en' },
      { text: 'facture', locale: 'fr' },
    ]);
  });
});
