import { describe, expect, it } from 'vitest';
import { searchHits, searchQuery, type PagefindPage, type PagefindSubResult } from '../../src/search/hits.ts';

const content =
  'Customer Bill API. Bills and disputes. Technical documentation. GET /customerBill List bills of an account. POST /dispute Dispute a bill within 90 days.';
const words = content.split(/\s+/);
const at = (...found: string[]) => words.flatMap((word, i) => (found.some((f) => word.toLowerCase().startsWith(f)) ? [i] : []));
const within = (from: string, to: string | undefined, found: number[]) =>
  found.filter((i) => i >= words.indexOf(from) && (to === undefined || i < words.indexOf(to)));

/** The Customer Bill API page as Pagefind returns it for a query matching `terms`. */
function billPage(...terms: string[]): PagefindPage {
  const found = at(...terms);
  const section = (title: string, url: string, element: string, from: string, to?: string): PagefindSubResult => {
    const locations = within(from, to, found);
    return { title, url, excerpt: title, anchor: { element, id: url.slice(1) }, locations, weighted_locations: locations.map(() => ({ balanced_score: 10 })) };
  };
  return {
    url: '/apis/customer-bill-api/',
    excerpt: 'Customer Bill API',
    content,
    meta: { title: 'Customer Bill API', kind: 'api', api: 'Customer Bill API', domain: 'Billing', type: 'data', lifecycle: 'stable' },
    locations: found,
    sub_results: [
      section('Technical documentation', '#technical', 'h2', 'Technical', 'GET'),
      section('List bills', '#list-customer-bills', 'li', 'GET', 'POST'),
      section('Dispute a bill', '#open-bill-dispute', 'li', 'POST'),
    ].map((sub) => ({ ...sub, url: `/apis/customer-bill-api/${sub.url}` })),
  };
}

const guide: PagefindPage = {
  url: '/guides/errors/',
  excerpt: 'Errors',
  content: 'Errors. A dispute answers 422.',
  meta: { title: 'Errors', kind: 'guide' },
  locations: [2],
  sub_results: [],
};

describe('the rows of the search dialog', () => {
  it('puts an operation first when it holds every word of the query the page holds', () => {
    const hits = searchHits('dispute a bill', [billPage('disput', 'bill'), guide], 10);
    expect(hits.map((h) => h.url)).toEqual(['/apis/customer-bill-api/#open-bill-dispute', '/apis/customer-bill-api/', '/guides/errors/']);
    expect(hits[0]).toMatchObject({
      title: 'Dispute a bill',
      kind: 'operation',
      api: 'Customer Bill API',
      domain: 'Billing',
      type: 'data',
      lifecycle: 'stable',
    });
  });

  it('puts the API first for a one-word query, with its best operations after it', () => {
    const hits = searchHits('bills', [billPage('bill')], 10);
    expect(hits.map((h) => h.url)).toEqual([
      '/apis/customer-bill-api/',
      '/apis/customer-bill-api/#list-customer-bills',
      '/apis/customer-bill-api/#open-bill-dispute',
    ]);
    expect(hits[0]).toMatchObject({ title: 'Customer Bill API', kind: 'api' });
  });

  it('never shows a section heading as an operation, and stops at the limit', () => {
    const hits = searchHits('technical documentation', [billPage('technical', 'documentation'), guide], 2);
    expect(hits.map((h) => h.url)).toEqual(['/apis/customer-bill-api/', '/guides/errors/']);
  });

  /**
   * A page of `content` with operations (`li`) starting at the given words, found at the words
   * starting with `found`. An operation's first `titleLength` words are its title, at weight 4
   * (which Pagefind's score counts sixteen times).
   */
  function pageWith(url: string, content: string, operations: Record<string, string>, titleLength: number, ...found: string[]): PagefindPage {
    const all = content.split(/\s+/);
    const hits = all.flatMap((word, i) => (found.some((f) => word.toLowerCase().replace(/^\W+/, '').startsWith(f)) ? [i] : []));
    const starts = Object.values(operations).map((first) => all.indexOf(first));
    const sub_results = Object.keys(operations).map((id, n): PagefindSubResult => {
      const locations = hits.filter((i) => i >= starts[n]! && i < (starts[n + 1] ?? all.length));
      const weighted_locations = locations.map((i) => ({ balanced_score: i < starts[n]! + titleLength ? 16 : 1 }));
      return { title: id, url: `${url}#${id}`, excerpt: id, anchor: { element: 'li', id }, locations, weighted_locations };
    });
    return { url, excerpt: url, content, meta: { title: url, kind: 'api' }, locations: hits, sub_results };
  }

  it('leaves out a page’s operations when none holds half the words of the query', () => {
    const storefront = (...found: string[]) =>
      pageWith(
        '/apis/storefront/',
        'Storefront API. Partners that send too many requests get a 429. Start a basket: send the request. Check out: send the request.',
        { createBasket: 'Start', checkoutBasket: 'Check' },
        0,
        ...found,
      );
    const limits: PagefindPage = { ...guide, url: '/guides/rate-limits/', content: 'Rate limits. Too many requests.', locations: [2, 3, 4] };
    expect(searchHits('too many requests', [storefront('too', 'many', 'request'), limits], 3).map((h) => h.url)).toEqual([
      '/apis/storefront/',
      '/guides/rate-limits/',
    ]);
    expect(searchHits('basket request', [storefront('basket', 'request'), limits], 3).map((h) => h.url)).toEqual([
      '/apis/storefront/#createBasket',
      '/apis/storefront/',
      '/guides/rate-limits/',
    ]);
  });

  it('shows a second operation that says the words in its description when the best says one in its title', () => {
    const shipments = (history: string) =>
      pageWith(
        '/apis/device-shipment/',
        `Device Shipment API. Report a tracking event: the carrier posts a parcel scan. Read a shipment: ${history}.`,
        { reportTrackingEvent: 'Report', getShipment: 'Read' },
        4,
        'track',
        'parcel',
      );
    expect(searchHits('track parcel', [shipments('its parcels, their tracking history and tracking events')], 5).map((h) => h.url)).toEqual([
      '/apis/device-shipment/#reportTrackingEvent',
      '/apis/device-shipment/',
      '/apis/device-shipment/#getShipment',
    ]);
    expect(searchHits('track parcel', [shipments('its parcels and their tracking history')], 5).map((h) => h.url)).toEqual([
      '/apis/device-shipment/#reportTrackingEvent',
      '/apis/device-shipment/',
    ]);
  });

  it('calls an event API’s operations messages', () => {
    const events = { ...billPage('disput', 'bill'), meta: { ...billPage().meta, type: 'event' } };
    expect(searchHits('dispute bill', [events], 1)[0]!.kind).toBe('message');
  });
});

describe('the query sent to Pagefind', () => {
  it('leaves out little words in English and French, unless nothing else is left', () => {
    expect(searchQuery('cancel an order')).toBe('cancel order');
    expect(searchQuery('  pièce de la commande  ')).toBe('pièce commande');
    expect(searchQuery('5g data')).toBe('5g data');
    expect(searchQuery('the')).toBe('the');
  });
});

describe('a deprecated version among the results', () => {
  const version = (name: string, lifecycle: string): PagefindPage => ({
    url: `/apis/${name}/`,
    excerpt: name,
    content: `${name}. Customer profiles.`,
    meta: { title: name, kind: 'api', lifecycle },
    locations: [1],
    sub_results: [],
  });
  const pages = [version('customer-api-v3', 'deprecated'), version('customer-api-v4', 'stable'), version('customer-events', 'stable')];

  it('goes one place down, after the current version that says the same words', () => {
    expect(searchHits('client', pages, 5).map((hit) => hit.url)).toEqual(['/apis/customer-api-v4/', '/apis/customer-api-v3/', '/apis/customer-events/']);
  });

  it('keeps its place when the query asks for an old version', () => {
    for (const query of ['deprecated customer api', 'customer v3', 'ancienne api client'])
      expect(searchHits(query, pages, 5)[0]?.url, query).toBe('/apis/customer-api-v3/');
  });
});
