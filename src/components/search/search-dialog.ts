import { excerptNodes, search, type SearchHit } from './search-client.ts';

const shown = 8;

/** Keys that open the dialog: `/` outside a text field, Ctrl-K or Cmd-K anywhere. */
function opensSearch(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  return !target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/**
 * The search dialog: an ARIA combobox whose listbox holds the results. Arrows move the active
 * result, Enter opens it, Escape closes the dialog and gives focus back to what opened it.
 */
export class SearchDialog extends HTMLElement {
  private dialog!: HTMLDialogElement;
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private status!: HTMLElement;
  private more!: HTMLAnchorElement;
  private active = -1;

  connectedCallback(): void {
    this.dialog = this.querySelector('dialog')!;
    this.input = this.dialog.querySelector('input')!;
    this.list = this.dialog.querySelector('[role="listbox"]')!;
    this.status = this.dialog.querySelector('[role="status"]')!;
    this.more = this.dialog.querySelector('.search-dialog-more a')!;
    const button = this.querySelector<HTMLButtonElement>('.search-button')!;
    this.querySelector<HTMLElement>('.search-link')!.hidden = true;
    button.hidden = false;
    button.addEventListener('click', () => this.open());
    this.dialog.querySelector('[data-close]')!.addEventListener('click', () => this.dialog.close());
    // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.list.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (item) this.openResult(item, event.ctrlKey || event.metaKey);
    });
    this.input.addEventListener('input', () => void this.update());
    this.input.addEventListener('keydown', (event) => this.navigate(event));
    document.addEventListener('keydown', (event) => {
      if (!this.dialog.open && opensSearch(event)) {
        event.preventDefault();
        this.open();
      }
    });
  }

  private open(): void {
    this.dialog.showModal();
    this.input.select();
  }

  private async update(): Promise<void> {
    const query = this.input.value.trim();
    this.more.search = query ? `?q=${encodeURIComponent(query)}` : '';
    if (!query) return this.show([], '');
    this.status.textContent = 'Searching…';
    try {
      const hits = await search(query, shown);
      // A newer query is on its way, or the text changed while the results loaded.
      if (!hits || this.input.value.trim() !== query) return;
      this.show(hits, hits.length === 0 ? `No result for “${query}”.` : `${hits.length} results shown; arrows to choose one.`);
    } catch {
      this.show([], 'Search could not load; the search page may still work.');
    }
  }

  private show(hits: SearchHit[], message: string): void {
    this.status.textContent = message;
    this.list.replaceChildren(...hits.map((hit, index) => resultItem(hit, index)));
    this.input.setAttribute('aria-expanded', String(hits.length > 0));
    this.select(hits.length > 0 ? 0 : -1);
  }

  private navigate(event: KeyboardEvent): void {
    const count = this.list.children.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.select((this.active + step + count) % count);
    } else if (event.key === 'Enter') {
      const item = this.list.children[this.active] as HTMLElement | undefined;
      if (!item) return;
      event.preventDefault();
      this.openResult(item, event.ctrlKey || event.metaKey);
    }
  }

  /** Goes to a result, or opens it in a new tab with Ctrl or Cmd as a link would. */
  private openResult(item: HTMLElement, newTab: boolean): void {
    const url = item.dataset['url']!;
    if (newTab) {
      window.open(url, '_blank', 'noopener');
      return;
    }
    // A result on the page already open only scrolls to its anchor: the dialog must not stay over it.
    this.dialog.close();
    location.assign(url);
  }

  private select(index: number): void {
    this.active = index;
    [...this.list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    const item = this.list.children[index];
    if (item) {
      this.input.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }
}

const kindLabels: Record<string, string> = {
  api: 'API',
  operation: 'Operation',
  message: 'Event',
  operations: 'Operations',
  doc: 'API documentation',
  guide: 'Guide',
  domain: 'Domain',
  service: 'Service',
  team: 'Team',
};

/** One result: what it is and where it belongs, its badges, and the matching words in context. */
function resultItem(hit: SearchHit, index: number): HTMLLIElement {
  // An option holds no link (it would be a control inside a control): the dialog opens its URL.
  const item = element('li', { id: `search-result-${index}`, role: 'option', class: 'search-hit', 'data-url': hit.url });
  item.append(element('span', { class: 'search-hit-title' }, hit.title));
  const where = [kindLabels[hit.kind], hit.kind === 'api' ? undefined : hit.api, hit.domain].filter(Boolean).join(' · ');
  const context = element('span', { class: 'search-hit-context' }, where);
  for (const [kind, value] of [
    ['type', hit.type],
    ['lifecycle', hit.lifecycle],
  ] as const) {
    if (value) context.append(' ', element('span', { class: `badge badge-${kind} badge-${kind}-${value}` }, kind === 'type' ? `${value} API` : value));
  }
  const excerpt = element('span', { class: 'search-hit-excerpt' });
  excerpt.append(...excerptNodes(hit.excerpt));
  item.append(context, excerpt);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
