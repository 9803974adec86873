import type { Audience } from './filter.ts';
import type { HiddenTerm } from './hidden-terms.ts';
import type { Leak } from './leak-audit.ts';

const why = 'the KPI pages and their kpis.json are for internal builds only';

/** What only an internal build may hold, as terms the leak audit looks for: a link to a KPI page or to a kpis.json. */
export function internalOnlyTerms(audience: Audience): HiddenTerm[] {
  return audience === 'internal'
    ? []
    : [
        { term: '/kpis/', why },
        { term: 'kpis.json', why },
      ];
}

/** The files of a built site that only an internal build may hold: a KPI page or a kpis.json. */
export function internalOnlyFiles(files: readonly string[], audience: Audience): Leak[] {
  if (audience === 'internal') return [];
  return files.filter((file) => /(^|\/)kpis\/index\.html$|(^|\/)kpis\.json$/.test(file)).map((file) => ({ file, term: file, why }));
}
