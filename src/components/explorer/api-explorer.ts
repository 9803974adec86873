import {
  compareText,
  compareVersions,
  matchesQuery,
  readExplorerQuery,
  sortColumns,
  writeExplorerQuery,
  type ExplorerQuery,
  type FilterFields,
  type SortColumn,
} from '../../site/explorer-query.ts';

const compare: Record<(typeof sortColumns)[SortColumn], (a: string, b: string) => number> = {
  text: compareText,
  version: compareVersions,
  number: (a, b) => Number(a) - Number(b),
};

/**
 * `<api-explorer>`: turns the column headers into sort buttons, runs the filters, keeps the
 * count in its live region and the state in the URL query, and restores the state from it.
 */
class ApiExplorer extends HTMLElement {
  private query: ExplorerQuery = readExplorerQuery('');
  private rows: { row: HTMLTableRowElement; fields: FilterFields }[] = [];
  private shownSort = '';

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-explorer-filters]')!;
    // The rows arrive sorted by name: their order is the tie-breaker of every sort.
    this.rows = [...this.querySelector('tbody')!.rows].map((row) => ({ row, fields: fieldsOf(row) }));
    for (const header of this.headers()) header.replaceChildren(sortButton(header.textContent, () => this.sortBy(header.dataset['sort'] as SortColumn)));
    this.query = readExplorerQuery(location.search);
    for (const [name, value] of Object.entries(formValues(this.query))) {
      const control = form.elements.namedItem(name);
      if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = value;
    }
    form.hidden = false;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => this.update(readForm(form)));
    form.querySelector('[data-explorer-clear]')!.addEventListener('click', () => {
      form.reset();
      this.update(readForm(form));
      form.querySelector('input')!.focus();
    });
    // A value the form does not offer (a domain this audience does not hold) is dropped from the state.
    this.update(readForm(form));
  }

  private headers(): HTMLTableCellElement[] {
    return [...this.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
  }

  private sortBy(column: SortColumn): void {
    const descending = this.query.sort === column && !this.query.descending;
    this.update({ sort: column, descending });
  }

  private update(change: Partial<ExplorerQuery>): void {
    this.query = { ...this.query, ...change };
    let shown = 0;
    for (const { row, fields } of this.rows) {
      row.hidden = !matchesQuery(fields, this.query);
      if (!row.hidden) shown++;
    }
    this.sortRows();
    const count = this.querySelector('[data-explorer-count]')!;
    const text = `${shown} of ${this.rows.length} APIs`;
    if (count.textContent !== text) count.textContent = text;
    history.replaceState(history.state, '', `${location.pathname}${writeExplorerQuery(this.query)}${location.hash}`);
  }

  /** Reorders the rows when the sort changed (not on every keystroke of the filter). */
  private sortRows(): void {
    const key = `${this.query.descending ? '-' : ''}${this.query.sort}`;
    if (key === this.shownSort) return;
    this.shownSort = key;
    const headers = this.headers();
    const index = headers.findIndex((header) => header.dataset['sort'] === this.query.sort);
    const order = compare[sortColumns[this.query.sort as SortColumn]];
    const direction = this.query.descending ? -1 : 1;
    const valueOf = (row: HTMLTableRowElement) => row.cells[index]?.dataset['value'] ?? '';
    const sorted = this.rows
      .map(({ row }, position) => ({ row, position }))
      .sort((a, b) => direction * order(valueOf(a.row), valueOf(b.row)) || a.position - b.position);
    for (const { row } of sorted) row.parentElement!.append(row);
    headers.forEach((header, i) => showSort(header, i === index ? (this.query.descending ? 'descending' : 'ascending') : undefined));
  }
}

function fieldsOf(row: HTMLTableRowElement): FilterFields {
  const data = row.dataset;
  return {
    text: data['text'] ?? '',
    type: data['type'] ?? '',
    lifecycle: data['lifecycle'] ?? '',
    audience: data['audience'] ?? '',
    domains: (data['domains'] ?? '').split(' '),
  };
}

function formValues(query: ExplorerQuery): Record<string, string> {
  return { q: query.text, type: query.type, lifecycle: query.lifecycle, audience: query.audience, domain: query.domain };
}

function readForm(form: HTMLFormElement): Partial<ExplorerQuery> {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return { text: value('q'), type: value('type'), lifecycle: value('lifecycle'), audience: value('audience'), domain: value('domain') };
}

/** A header's label as a button; the arrow beside it is decoration, aria-sort says the order. */
function sortButton(text: string | null, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  const label = document.createElement('span');
  label.textContent = text?.trim() ?? '';
  const arrow = document.createElement('span');
  arrow.dataset['sortArrow'] = '';
  arrow.setAttribute('aria-hidden', 'true');
  button.append(label, arrow);
  button.addEventListener('click', onClick);
  return button;
}

function showSort(header: HTMLTableCellElement, order: 'ascending' | 'descending' | undefined): void {
  if (order) header.setAttribute('aria-sort', order);
  else header.removeAttribute('aria-sort');
  const arrow = header.querySelector('[data-sort-arrow]');
  // Unsorted columns show both arrows, so sighted readers see that every header sorts.
  if (arrow) arrow.textContent = order === 'ascending' ? '↑' : order === 'descending' ? '↓' : '↕';
}

/** Registers `<api-explorer>` once. */
export function defineApiExplorer(): void {
  if (!customElements.get('api-explorer')) customElements.define('api-explorer', ApiExplorer);
}
