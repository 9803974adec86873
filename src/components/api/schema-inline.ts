/**
 * Named schemas opened where they are used (browser code). The page's schema section holds each
 * named schema's tree once; a link to one beside a property, or at the top of a response body,
 * gets a disclosure that shows a copy of that tree, made when it first shows. Without JavaScript
 * the links lead to the section. Nothing is added to the HTML: a schema used fifty times weighs once.
 */

/** The links that name a schema: a property's type, a parameter's, or a body's . */
const schemaLinks = '.property-head a[href^="#schema-"], .schema > .schema-type a[href^="#schema-"]';

/** Whether an element shows: no closed disclosure around it. */
const isShown = (element: Element) => !element.closest('details:not([open])');

/** The section entry a link leads to. */
const entryOf = (link: HTMLAnchorElement) => document.getElementById(decodeURIComponent(link.hash.slice(1)));

/** Adds a disclosure after each shown schema link under `root` that has none yet: open for a body or message, closed for a property. */
export function addSchemaDisclosures(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>(schemaLinks)) {
    const row = link.closest('.property-head, .schema-type');
    const entry = entryOf(link);
    if (!row || !entry || row.nextElementSibling?.matches('details.schema-inline') || !isShown(row)) continue;
    const details = document.createElement('details');
    details.className = 'schema-inline';
    details.dataset['schema'] = entry.id;
    details.appendChild(document.createElement('summary')).textContent = `${link.textContent}: ${entry.querySelector('summary .muted')?.textContent || 'show'}`;
    row.after(details);
    // A body's own schema opens at once; inside a copy only a click does, so a schema that refers back to itself cannot open without end.
    if (row.matches('.schema-type') && !row.closest('details.schema-inline')) {
      details.open = true;
      fillSchemaDisclosure(details);
    }
  }
}

/** Puts a copy of the section entry's tree in a disclosure, once, with disclosures of its own. */
export function fillSchemaDisclosure(details: HTMLDetailsElement): void {
  if (details.dataset['filled'] !== undefined) return;
  const tree = document.getElementById(details.dataset['schema'] ?? '')?.querySelector('.schema');
  if (!tree) return;
  details.dataset['filled'] = '';
  const copy = details.appendChild(tree.cloneNode(true) as Element);
  // A copy of an entry someone already opened holds its disclosures: they are copied, not added again.
  addSchemaDisclosures(copy);
}

/** Follows the disclosures of the page: what a reader opens gets its schema copies. */
export function watchSchemaDisclosures(): void {
  document.addEventListener(
    'toggle',
    (event) => {
      const opened = event.target;
      if (!(opened instanceof HTMLDetailsElement) || !opened.open) return;
      if (opened.matches('details.schema-inline')) fillSchemaDisclosure(opened);
      addSchemaDisclosures(opened);
    },
    // toggle does not bubble: it is caught on its way down.
    true,
  );
  addSchemaDisclosures(document);
}
