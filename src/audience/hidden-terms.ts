import { eachString } from './document-strings.ts';
import type { Api, Audience, Catalog } from '../catalog/model.ts';
import { isVisibleTo } from './filter.ts';
import { hiddenFigures } from './hidden-figures.ts';
import { basePaths, requestPaths } from './request-paths.ts';
import { removedPartTerms } from './removed-terms.ts';

/** A string a build must not contain, and why. */
export interface HiddenTerm {
  term: string;
  why: string;
}

/** Shorter names ("id", "name", "type") are everywhere in any contract: they cannot tell a leak. */
const shortestName = 4;
/** Shorter summaries of internal parts are too common to be told apart from visible text. */
const shortestSummary = 16;
/** A path of one segment ("/customer", "/v5") is an ordinary word: it takes two to tell an API. */
const fewestPathSegments = 2;

/**
 * What the build of `visible` (the catalogue filtered for an audience) must not hold anywhere,
 * found by comparing it with the whole catalogue: the ids and names of the APIs it leaves out and
 * their request paths, the compound ids of the domains, services and teams that vanish with them,
 * the names, summaries and request paths of the parts marked `x-internal` in the contracts it
 * keeps, the applications named as consumers for a wider audience, the governance figures the
 * build may not show (hidden-figures.ts) and a private repository's address, unless the same string is also in what stays visible.
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
    for (const [term, why] of removedPartTerms(full, visible)) add(term, why);
  }
  for (const [term, why] of hiddenPaths(full, visible)) add(term, why);
  for (const [term, why] of hiddenConsumers(full, visible)) add(term, why);
  for (const [term, why] of hiddenFigures(full, visible)) add(term, why);
  const repository = full.portal.repository;
  if (repository && !visible.portal.repository) add(repository.url.replace(/\/+$/, ''), 'the private repository of the catalogue');
  return [...terms].map(([term, why]) => ({ term, why }));
}

/**
 * The request paths a guide would write for what the build leaves out (`/customer/v4/customer`,
 * and the base path `/customer/v4`), from hidden APIs and from the x-internal operations of kept
 * ones: only those that no visible API also serves, and of two segments at least.
 */
function hiddenPaths(full: Catalog, visible: Catalog): [string, string][] {
  // A visible API serves "/a/b" when it is a run of whole segments of one of its paths, as the
  // audit would find it there: in "/a/b/{id}" or "/x/a/b", not in "/a/bc".
  const served = new Set(visible.apis.flatMap((api) => [...basePaths(api), ...requestPaths(api).map((p) => p.full)].flatMap(segmentRuns)));
  const isTelling = (path: string) => path.split('/').filter(Boolean).length >= fewestPathSegments && !served.has(path);
  const kept = new Map(visible.apis.map((api) => [api.id, api]));
  const found: [string, string][] = [];
  for (const api of full.apis) {
    const shown = kept.get(api.id);
    // Of a kept API, the operations its filtered contract no longer holds: the x-internal ones.
    const shownOperations = new Set(shown?.contract.operations.map((op) => op.id));
    const paths = requestPaths(api).filter((p) => !shownOperations.has(p.operation.id));
    const why = shown ? `request path of an x-internal operation of ${api.id}` : `request path of the ${api.audience} API ${api.id}`;
    for (const { path } of paths) if (isTelling(path)) found.push([path, why]);
    if (!shown) for (const base of basePaths(api)) if (isTelling(base)) found.push([base, `base path of the ${api.audience} API ${api.id}`]);
  }
  return found;
}

/** The applications named as consumers for a wider audience than the build's, unless a visible consumer has the same name. */
function hiddenConsumers(full: Catalog, visible: Catalog): [string, string][] {
  const shown = new Set(visible.apis.flatMap((api) => api.consumers.flatMap((c) => (c.kind === 'app' ? [c.name] : []))));
  return full.apis.flatMap((api) =>
    api.consumers.flatMap((c): [string, string][] =>
      c.kind === 'app' && !isVisibleTo(c.audience, visible.portal.audience) && !shown.has(c.name) ? [[c.name, `${c.audience} consumer of ${api.id}`]] : [],
    ),
  );
}

/** Every run of whole segments of a path: "/a/b/c" gives "/a", "/a/b", "/a/b/c", "/b", "/b/c" and "/c". */
function segmentRuns(path: string): string[] {
  const starts = [...path.matchAll(/\//g)].map((match) => match.index);
  const ends = [...starts.slice(1), path.length];
  return starts.flatMap((start, i) => ends.slice(i).map((end) => path.slice(start, end)));
}

/** Names and summaries of the x-internal parts of `whole`'s contract that `shown` (the same API, filtered) no longer holds. */
function internalParts(whole: Api, shown: Api): [string, string][] {
  const visibleStrings = new Set<string>();
  eachString(shown.contract.document, (text) => visibleStrings.add(text));
  const found: [string, string][] = [];
  walkInternal(whole.contract.document, undefined, (name, summary, where) => {
    const why = `x-internal ${where} of ${whole.id}`;
    if (name && !visibleStrings.has(name)) found.push([name, why]);
    if (summary && summary.length >= shortestSummary && !summary.includes('\n') && !visibleStrings.has(summary)) found.push([summary, `summary of an ${why}`]);
  });
  return found;
}

const named = new Set(['properties', 'schemas', 'definitions', 'messages', 'parameters', 'responses', 'channels', 'operations']);

/** Calls `found` for every object marked `x-internal: true`, with its name (key, operationId or name) and its summary or title. */
function walkInternal(
  value: unknown,
  key: string | undefined,
  found: (name: string | undefined, summary: string | undefined, where: string) => void,
  parent?: string,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walkInternal(item, undefined, found, parent);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record['x-internal'] === true) {
    const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : undefined);
    const where =
      parent === 'properties'
        ? 'property'
        : parent === 'schemas' || parent === 'definitions'
          ? 'schema'
          : record['in']
            ? 'parameter'
            : text('url')
              ? 'server'
              : 'operation';
    const keyName = key !== undefined && named.has(parent ?? '') ? key : undefined;
    // A server's address tells where the hidden part runs.
    for (const name of new Set([text('operationId'), text('name'), keyName, text('url')])) if (name) found(name, undefined, where);
    found(undefined, text('summary') ?? text('title'), where);
  }
  for (const [childKey, child] of Object.entries(record)) walkInternal(child, childKey, found, key);
}

/** The pages and titles of the guides for a wider audience than the build's. */
export function hiddenGuideTerms(guides: readonly { slug: string; title: string; audience: Audience }[], build: Audience): HiddenTerm[] {
  return guides
    .filter((guide) => !isVisibleTo(guide.audience, build))
    .flatMap((guide) => [
      { term: `/guides/${guide.slug}/`, why: `page of the ${guide.audience} guide "${guide.title}"` },
      ...(guide.title.length >= shortestSummary ? [{ term: guide.title, why: `title of the ${guide.audience} guide ${guide.slug}` }] : []),
    ]);
}
