import { diagnose, type Diagnostic } from './diagnostics.ts';
import type { PathSegment } from './read-yaml.ts';
import type { ApiConfig } from './schema/api.ts';
import type { Checked } from './validated.ts';

type CheckedApi = Checked<ApiConfig>;

/** One link of a product line, "older is replaced by newer", and the field that wrote it. */
interface Replacement {
  older: string;
  newer: string;
  by: CheckedApi;
  path: PathSegment[];
}

const replacesPath: PathSegment[] = ['replaces'];
const replacedByPath: PathSegment[] = ['deprecation', 'replacedBy'];

/**
 * The rules of `replaces:` and `deprecation.replacedBy` between APIs that exist (an unknown id is
 * reported by resolve.ts): an API does not replace itself, the two ends of a replacement name
 * each other (a warning when they disagree), and no version replaces a later one (a cycle).
 */
export function lineageDiagnostics(apis: readonly CheckedApi[]): Diagnostic[] {
  const byId = new Map(apis.map((api) => [api.node.id, api]));
  const diagnostics: Diagnostic[] = [];
  const links: Replacement[] = [];
  for (const api of apis) {
    const id = api.node.id;
    const replaces = api.config.replaces;
    const replacedBy = api.config.deprecation?.replacedBy;
    for (const [target, path, field] of [
      [replaces, replacesPath, 'replaces'],
      [replacedBy, replacedByPath, 'is replaced by'],
    ] as const) {
      if (target === id) diagnostics.push(diagnose('catalog/lineage-self', api.node.file, api.doc.locate(path), `the API "${id}" ${field} itself`));
    }
    const older = replaces !== undefined && replaces !== id ? byId.get(replaces) : undefined;
    if (older) {
      links.push({ older: older.node.id, newer: id, by: api, path: replacesPath });
      const otherEnd = older.config.deprecation?.replacedBy;
      if (otherEnd !== undefined && otherEnd !== id && byId.has(otherEnd)) {
        diagnostics.push(
          diagnose('catalog/lineage-mismatch', api.node.file, api.doc.locate(replacesPath), `"${id}" replaces "${older.node.id}", whose deprecation.replacedBy names "${otherEnd}"`, {
            severity: 'warning',
            hint: `Make the two ends agree: set \`deprecation.replacedBy: ${id}\` in ${older.node.file}, or name the API that "${id}" really replaces.`,
          }),
        );
      }
    }
    const newer = replacedBy !== undefined && replacedBy !== id ? byId.get(replacedBy) : undefined;
    if (newer) {
      links.push({ older: id, newer: newer.node.id, by: api, path: replacedByPath });
      const otherEnd = newer.config.replaces;
      if (otherEnd !== undefined && otherEnd !== id && byId.has(otherEnd)) {
        diagnostics.push(
          diagnose('catalog/lineage-mismatch', api.node.file, api.doc.locate(replacedByPath), `"${id}" is replaced by "${newer.node.id}", which says it replaces "${otherEnd}"`, {
            severity: 'warning',
            hint: `Make the two ends agree: set \`replaces: ${id}\` in ${newer.node.file}, or name the API that really replaces "${id}".`,
          }),
        );
      }
    }
  }
  return [...diagnostics, ...cycles(links)];
}

/** One error per cycle of replacements, at the link that leaves the cycle's smallest id. */
function cycles(links: readonly Replacement[]): Diagnostic[] {
  const next = new Map<string, Replacement[]>();
  for (const link of links) next.set(link.older, [...(next.get(link.older) ?? []), link]);
  for (const list of next.values()) list.sort((a, b) => a.newer.localeCompare(b.newer, 'en') || a.path.length - b.path.length);
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  for (const start of [...next.keys()].sort((a, b) => a.localeCompare(b, 'en'))) {
    const cycle = cycleFrom(start, next, done);
    if (!cycle) continue;
    for (const link of cycle) done.add(link.older);
    // Told from the smallest id, whichever link the search closed it on.
    const smallest = cycle.reduce((best, link, at) => (link.older.localeCompare(cycle[best]!.older, 'en') < 0 ? at : best), 0);
    cycle.push(...cycle.splice(0, smallest));
    const first = cycle[0]!;
    const trail = [...cycle.map((link) => link.older), first.older].join(' → ');
    diagnostics.push(diagnose('catalog/lineage-cycle', first.by.node.file, first.by.doc.locate(first.path), `versions replace each other in a cycle: ${trail} (each replaced by the next)`));
  }
  return diagnostics;
}

/** A cycle of links reachable from `start` that no earlier cycle reported, found depth first; undefined when there is none. */
function cycleFrom(start: string, next: ReadonlyMap<string, Replacement[]>, done: ReadonlySet<string>): Replacement[] | undefined {
  const path: Replacement[] = [];
  const onPath = new Map<string, number>();
  const seen = new Set<string>();
  const visit = (id: string): Replacement[] | undefined => {
    onPath.set(id, path.length);
    seen.add(id);
    for (const link of next.get(id) ?? []) {
      if (done.has(link.newer)) continue;
      const at = onPath.get(link.newer);
      if (at !== undefined) return [...path.slice(at), link];
      if (seen.has(link.newer)) continue;
      path.push(link);
      const found = visit(link.newer);
      if (found) return found;
      path.pop();
    }
    onPath.delete(id);
    return undefined;
  };
  return visit(start);
}
