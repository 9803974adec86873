/** The explorer's filters and sort as they are kept in the page's URL query. */
export interface ExplorerQuery {
  /** Free text, matched against an API's name, summary, owner and domain. */
  text: string;
  type: string;
  lifecycle: string;
  audience: string;
  domain: string;
  /** The column the rows are sorted by, and the direction. */
  sort: string;
  descending: boolean;
}

/** The columns the explorer sorts by, with the kind of comparison each needs. */
export const sortColumns = {
  name: 'text',
  domain: 'text',
  type: 'text',
  lifecycle: 'text',
  audience: 'text',
  owner: 'text',
  version: 'version',
  consumers: 'number',
} as const;

/** A column the explorer sorts by. */
export type SortColumn = keyof typeof sortColumns;

const selects = ['type', 'lifecycle', 'audience', 'domain'] as const;

/** What an API row offers to the filters: its searchable text (lower case) and its facet values. */
export interface FilterFields {
  text: string;
  type: string;
  lifecycle: string;
  audience: string;
  /** Its domain and every domain above it. */
  domains: readonly string[];
}

/** Reads the explorer's state from a URL query (`?q=…&type=event&sort=-consumers`); unknown sort columns fall back to the name. */
export function readExplorerQuery(search: string): ExplorerQuery {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '';
  const column = sort.replace(/^-/, '');
  const known = Object.hasOwn(sortColumns, column);
  return {
    text: params.get('q') ?? '',
    type: params.get('type') ?? '',
    lifecycle: params.get('lifecycle') ?? '',
    audience: params.get('audience') ?? '',
    domain: params.get('domain') ?? '',
    sort: known ? column : 'name',
    descending: known && sort.startsWith('-'),
  };
}

/** The URL query for a state: only what differs from the default view, so the plain page keeps its plain URL. */
export function writeExplorerQuery(query: ExplorerQuery): string {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set('q', query.text.trim());
  for (const key of selects) if (query[key]) params.set(key, query[key]);
  if (query.sort !== 'name' || query.descending) params.set('sort', `${query.descending ? '-' : ''}${query.sort}`);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether a row passes the filters: every word of the text somewhere in it, and each chosen facet. */
export function matchesQuery(fields: FilterFields, query: ExplorerQuery): boolean {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    words.every((word) => fields.text.includes(word)) &&
    (!query.type || fields.type === query.type) &&
    (!query.lifecycle || fields.lifecycle === query.lifecycle) &&
    (!query.audience || fields.audience === query.audience) &&
    (!query.domain || fields.domains.includes(query.domain))
  );
}

/**
 * Orders two versions the way a reader expects: numeric parts as numbers (1.10.0 after 1.9.0),
 * a pre-release before its release (4.0.0-beta.1 before 4.0.0), anything else as text.
 */
export function compareVersions(a: string, b: string): number {
  const [releaseA = '', preA] = splitVersion(a);
  const [releaseB = '', preB] = splitVersion(b);
  const partsA = releaseA.split('.');
  const partsB = releaseB.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const order = compareText(partsA[i] ?? '0', partsB[i] ?? '0');
    if (order !== 0) return order;
  }
  if (preA === undefined || preB === undefined) return (preA === undefined ? 1 : 0) - (preB === undefined ? 1 : 0);
  return compareText(preA, preB);
}

/** Compares text with numbers inside it as numbers, case aside. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

function splitVersion(version: string): [string, string | undefined] {
  const withoutBuild = version.trim().replace(/^v/i, '').split('+')[0] ?? '';
  const dash = withoutBuild.indexOf('-');
  return dash === -1 ? [withoutBuild, undefined] : [withoutBuild.slice(0, dash), withoutBuild.slice(dash + 1)];
}
