import { diagnose, type Diagnostic, type StageResult } from './diagnostics.ts';
import type { GlossarySynonym, GlossaryTerm } from './model.ts';
import type { PathSegment, SourceDocument } from './read-yaml.ts';
import type { GlossaryInput } from './schema/glossary.ts';

/** A word or phrase as the glossary compares them: trimmed, spaces collapsed; lower-cased for comparing. */
const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Where a word was first written: its term and path, for the message about a repeat. */
interface Written {
  term: string;
  path: PathSegment[];
  line: number;
}

/**
 * glossary.yaml (already valid against its schema) as terms: each word trimmed, the empty ones
 * reported and left out, and every word or phrase written twice reported (a word belongs to one
 * term; the same synonym under two locales of one term is fine).
 */
export function readGlossary(doc: SourceDocument, config: GlossaryInput): StageResult<GlossaryTerm[]> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Written>();
  const note = (text: string, term: string, path: PathSegment[]) => {
    const key = text.toLowerCase();
    const first = seen.get(key);
    const at = doc.locate(path, path.length === 1 ? 'key' : 'value');
    if (!first) return void seen.set(key, { term, path, line: at.line });
    if (first.term === term && first.path.length === 3 && path.length === 3 && first.path[1] !== path[1]) return;
    const where = first.path.length === 1 ? `the term on line ${first.line}` : `a synonym of "${first.term}" on line ${first.line}`;
    diagnostics.push(diagnose('glossary/repeated-term', doc.file, at, `"${text}" is already ${where}`, { severity: 'warning' }));
  };
  const terms = Object.entries(config).flatMap(([written, value]): GlossaryTerm[] => {
    const term = tidy(written);
    if (!term) {
      diagnostics.push(diagnose('glossary/empty-synonym', doc.file, doc.locate([written], 'key'), 'a term of the glossary is empty'));
      return [];
    }
    note(term, term, [written]);
    const lists: [string | undefined, string[]][] = Array.isArray(value) ? [[undefined, value]] : Object.entries(value);
    const synonyms = lists.flatMap(([locale, list]) =>
      list.flatMap((raw, index): GlossarySynonym[] => {
        const path = locale === undefined ? [written, index] : [written, locale, index];
        const text = tidy(raw);
        if (!text) {
          diagnostics.push(diagnose('glossary/empty-synonym', doc.file, doc.locate(path), `synonym ${index + 1} of "${term}"${locale ? ` (${locale})` : ''} is empty`));
          return [];
        }
        note(text, term, path);
        return [locale === undefined ? { text } : { text, locale }];
      }),
    );
    return [{ term, synonyms }];
  });
  return { value: terms, diagnostics };
}
