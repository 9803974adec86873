import { searchQuery } from '../../search/hits.ts';
import { searchRanking } from '../../search/ranking.ts';

interface PagefindResult {
  meta: Record<string, string | undefined>;
}

/** Pagefind's default interface, loaded by the page's classic script before this module runs. */
declare const PagefindUI: new (options: object) => { triggerSearch(query: string): void };

/**
 * Each result names what it is and the API and domain it belongs to; the rest of the meta
 * (kind, type, lifecycle) is for the dialog's badges.
 */
function processResult<T extends PagefindResult>(result: T): T {
  const { title, kind, api, domain, type, lifecycle } = result.meta;
  const shown: Record<string, string | undefined> = kind === 'api' ? { title, API: `${type} API, ${lifecycle}` } : { title, In: api };
  shown['Domain'] = domain;
  return { ...result, meta: Object.fromEntries(Object.entries(shown).filter(([, value]) => value)) };
}

/** The search page: Pagefind's interface under the page's own label, with the dialog's ranking, and the query kept in the address. */
export function startSearchPage(): void {
  const container = document.querySelector<HTMLElement>('[data-search-ui]')!;
  const element = document.getElementById('search')!;
  const ui = new PagefindUI({
    element,
    bundlePath: element.dataset['bundle'],
    baseUrl: element.dataset['base'],
    showSubResults: true,
    showImages: false,
    ranking: searchRanking,
    processTerm: searchQuery,
    processResult,
    translations: { placeholder: 'customer address, order shipped, invoice…' },
  });
  // Pagefind's input has no id; the page's own label names it.
  const input = element.querySelector('input')!;
  input.id = 'search-input';
  container.hidden = false;
  filtersBehindButton(element, container.querySelector<HTMLButtonElement>('.search-filters-toggle')!);
  document.querySelector('[data-search-fallback]')!.remove();
  input.focus();
  const query = new URLSearchParams(location.search).get('q');
  if (query) void filtersShown(element).then(() => ui.triggerSearch(query));
  // The address follows the query, so a search can be reloaded, bookmarked or shared.
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
}

/**
 * The longest a query from the address waits for the filter list: long enough for a slow
 * connection or a busy machine (3 s was not, under a loaded CI), short enough that a filter
 * file that never comes does not hold the results back for good.
 */
const filtersWaitMs = 10_000;

/**
 * Resolves once Pagefind's interface shows its filter groups (or after a while). It takes its
 * groups from whichever comes first, the full filter list or a search's results, and results
 * arriving first would leave out the groups none of them has, until the next search.
 */
function filtersShown(element: HTMLElement): Promise<void> {
  const shown = () => element.querySelector('.pagefind-ui__filter-block') !== null;
  if (shown()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (shown()) done();
    });
    const timer = setTimeout(done, filtersWaitMs);
    observer.observe(element, { childList: true, subtree: true });
  });
}

/**
 * On a phone the filter groups wait behind one button with their count, between the query and
 * the results, so the first result is in view (search.css hides the groups while it is closed; on
 * a wide screen they stand beside the results and the button is not shown). Pagefind draws its
 * results and filters after the first search: the button moves in front of them once they exist.
 */
function filtersBehindButton(element: HTMLElement, toggle: HTMLButtonElement): void {
  const update = () => {
    const panel = element.querySelector<HTMLElement>('.pagefind-ui__filter-panel');
    const drawer = panel?.closest('.pagefind-ui__drawer');
    const groups = panel?.querySelectorAll('.pagefind-ui__filter-block').length ?? 0;
    toggle.hidden = !drawer || groups === 0;
    if (!panel || !drawer) return;
    if (panel.id !== 'search-filters') panel.id = 'search-filters';
    if (toggle.nextElementSibling !== drawer) drawer.before(toggle);
    const chosen = panel.querySelectorAll('input:checked').length;
    const label = chosen > 0 ? `Filters (${chosen} chosen)` : `Filters (${groups})`;
    // Only when it changes: the observer below sees this page's own changes too.
    if (toggle.textContent !== label) toggle.textContent = label;
  };
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    element.dataset['filters'] = open ? 'shown' : 'collapsed';
  });
  new MutationObserver(update).observe(element, { childList: true, subtree: true });
  element.addEventListener('change', update);
}
