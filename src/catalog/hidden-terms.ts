import type { Api, Catalog } from './model.ts';

/** A string a build must not contain, and why. */
export interface HiddenTerm {
  term: string;
  why: string;
}

/** Shorter names ("id", "name", "type") are everywhere in any contract: they cannot tell a leak. */
const shortestName = 4;
/** Shorter summaries of internal parts are too common to be told apart from visible text. */
const shortestSummary = 16;

/**
 * What the build of `visible` (the catalogue filtered for an audience) must not hold anywhere,
 * found by comparing it with the whole catalogue: the ids and names of the APIs it leaves out,
 * the compound ids of the domains, services and teams that vanish with them, and the names and
 * summaries of the parts marked `x-internal` in the contracts it keeps, unless the same string is
 * also in what stays visible.
 */
export function hiddenTerms(full: Catalog, visible: Catalog): HiddenTerm[] {
  const terms = new Map<string, string>();
  const add = (term: string | undefined, why: string) => {
    if (term && term.length >= shortestName && !terms.has(term)) terms.set(term, why);
  };
  const kept = new Set(visible.apis.map((api) => api.id));
  for (const api of full.apis.filter((a) => !kept.has(a.id))) {
    add(api.id, `id of the ${api.audience} API ${api.id}`);
    add(api.name, `name of the ${api.audience} API ${api.id}`);
  }
  for (const [kind, all, left] of [
    ['domain', full.domains, visible.domains],
    ['service', full.services, visible.services],
    ['team', full.teams, visible.teams],
  ] as const) {
    const leftIds = new Set<string>(left.map((item) => item.id));
    for (const item of all.filter((i) => !leftIds.has(i.id))) {
      // Their names are business words ("Product Ordering" is also a TM Forum standard) and one-word
      // ids ordinary text: only a compound id tells.
      if (item.id.includes('-')) add(item.id, `id of the ${kind} ${item.id}, which holds no API of this build`);
    }
  }
  if (visible.portal.audience !== 'internal') {
    const fullApis = new Map(full.apis.map((api) => [api.id, api]));
    for (const api of visible.apis) {
      const whole = fullApis.get(api.id);
      if (whole) for (const [term, why] of internalParts(whole, api)) add(term, why);
    }
  }
  return [...terms].map(([term, why]) => ({ term, why }));
}

/** Names and summaries of the x-internal parts of `whole`'s contract that `shown` (the same API, filtered) no longer holds. */
function internalParts(whole: Api, shown: Api): [string, string][] {
  const visibleStrings = new Set<string>();
  collectStrings(shown.contract.document, visibleStrings);
  const found: [string, string][] = [];
  walkInternal(whole.contract.document, undefined, (name, summary, where) => {
    const why = `x-internal ${where} of ${whole.id}`;
    if (name && !visibleStrings.has(name)) found.push([name, why]);
    if (summary && summary.length >= shortestSummary && !summary.includes('\n') && !visibleStrings.has(summary)) found.push([summary, `summary of an ${why}`]);
  });
  return found;
}

/** Every key and string value of a document. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      collectStrings(child, into);
    }
  }
}

const named = new Set(['properties', 'schemas', 'definitions', 'messages', 'parameters', 'responses', 'channels', 'operations']);

/** Calls `found` for every object marked `x-internal: true`, with its name (key, operationId or name) and its summary or title. */
function walkInternal(value: unknown, key: string | undefined, found: (name: string | undefined, summary: string | undefined, where: string) => void, parent?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) walkInternal(item, undefined, found, parent);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record['x-internal'] === true) {
    const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : undefined);
    const where = parent === 'properties' ? 'property' : parent === 'schemas' || parent === 'definitions' ? 'schema' : record['in'] ? 'parameter' : 'operation';
    const keyName = key !== undefined && named.has(parent ?? '') ? key : undefined;
    for (const name of new Set([text('operationId'), text('name'), keyName])) if (name) found(name, undefined, where);
    found(undefined, text('summary') ?? text('title'), where);
  }
  for (const [childKey, child] of Object.entries(record)) walkInternal(child, childKey, found, key);
}
