import { h } from 'hastscript';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as markdownText } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Api, Catalog, Operation } from '../catalog/model.ts';
import { groupOf, groupOperations, splitsOperations } from './operation-pages.ts';
import { searchFacetsOf, type SearchFacets } from './search-facets.ts';
import { routes } from './urls.ts';
import { viewCatalog } from './views.ts';

/** A result the index holds that is not a page of its own: one operation or message, at its anchor. */
export interface SearchRecord {
  /** Root-relative, with the operation's anchor: Pagefind's results add the site's base. */
  url: string;
  /** A small HTML document in Pagefind's terms: a body, weighted sections, meta and filters. */
  html: string;
}

/**
 * Weights of a record's parts against Pagefind's defaults (h1 7, text 1): what an operation does
 * for the business counts most; the API's name only helps a query that names both.
 */
const weights = { description: 2, messages: 2, api: 0.5 } as const;

const markdown = unified().use(remarkParse);

/**
 * One search record per operation (HTTP) or per send/receive operation (AsyncAPI) of every API
 * in the catalogue, so "list invoices" lands on the operation rather than somewhere on its API's
 * page. Built from the audience-filtered catalogue, so it holds only what the build may show.
 */
export function operationRecords(catalog: Catalog): SearchRecord[] {
  const view = viewCatalog(catalog);
  return catalog.apis.flatMap((api) => {
    const facets = searchFacetsOf(api, view);
    const pageOf = operationPage(api);
    return api.contract.operations.map((op) => ({ url: `${pageOf(op)}#${op.id}`, html: toHtml(recordDocument(api, op, facets)) }));
  });
}

/** Where an operation is shown: its API's page, or its tag's page when the contract is split. */
function operationPage(api: Api): (op: Operation) => string {
  if (!splitsOperations(api.contract)) return () => routes.api(api.id);
  const groups = groupOperations(api.contract);
  return (op) => {
    const group = groupOf(groups, op.id);
    return group ? routes.operations(api.id, group.slug) : routes.api(api.id);
  };
}

function recordDocument(api: Api, op: Operation, facets: SearchFacets): Element {
  const signature = op.kind === 'http' ? `${op.method} ${op.path}` : `${op.kind} ${op.channel}`;
  const messages = op.messages.flatMap((m) => [m.title ?? m.name ?? m.id, m.summary ?? '']).filter(Boolean);
  const kind = op.kind === 'http' ? 'operation' : 'message';
  return h('html', { lang: 'en' }, [
    h('body', [
      h('main', { dataPagefindBody: '', dataPagefindMeta: `kind:${kind}` }, [
        h('h1', op.summary ?? messages[0] ?? signature),
        h('p', { dataPagefindWeight: String(weights.description) }, plainText(op.description)),
        h('p', [signature, ' ', op.operationId ?? '', ' ', op.tags.join(' ')]),
        h('p', { dataPagefindWeight: String(weights.messages) }, messages.join('. ')),
        // The API's name and keywords: "list invoices" finds "List bills" of an API tagged `invoice`.
        h('p', { dataPagefindWeight: String(weights.api) }, [api.name, ' ', (api.tags ?? []).join(' ')]),
        h('div', { hidden: true, dataPagefindIgnore: '' }, [
          h('span', { dataPagefindMeta: 'signature' }, signature),
          ...Object.entries(facets.meta).map(([name, value]) => h('span', { dataPagefindMeta: name }, value)),
          ...Object.entries(facets.filters).flatMap(([name, values]) => values.map((value) => h('span', { dataPagefindFilter: name }, value))),
        ]),
      ]),
    ]),
  ]);
}

/** Catalogue Markdown as the words a reader would search for, without its syntax or link targets. */
function plainText(source: string | undefined): string {
  // Block by block, so the last word of a paragraph does not run into the first of the next.
  return source
    ? markdown
        .parse(source)
        .children.map((block) => markdownText(block))
        .join(' ')
    : '';
}
