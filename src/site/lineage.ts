import type { Api } from '../catalog/model.ts';

/** What a product line needs of an API: its id, name, contract version, and what it replaces or is replaced by. */
type Version = Pick<Api, 'id' | 'name' | 'replaces' | 'deprecation'> & { contract: Pick<Api['contract'], 'version'> };

/**
 * The versions of the product line `id` belongs to, oldest first: the APIs linked to it, one
 * way or the other, by `replaces` or `deprecation.replacedBy`. An API that neither replaces nor
 * is replaced is a line of one. Versions that no link orders (two that replace the same one) go
 * by name.
 */
export function productLine<A extends Version>(apis: readonly A[], id: string): A[] {
  const byId = new Map(apis.map((api) => [api.id, api]));
  const newer = new Map<string, Set<string>>();
  const older = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to || !byId.has(from) || !byId.has(to)) return;
    newer.set(from, (newer.get(from) ?? new Set()).add(to));
    older.set(to, (older.get(to) ?? new Set()).add(from));
  };
  for (const api of apis) {
    if (api.replaces) link(api.replaces, api.id);
    if (api.deprecation?.replacedBy) link(api.id, api.deprecation.replacedBy);
  }
  if (!byId.has(id)) return [];
  const line = new Set([id]);
  for (const member of line) for (const next of [...(newer.get(member) ?? []), ...(older.get(member) ?? [])]) line.add(next);
  return oldestFirst(
    [...line].map((member) => byId.get(member)!),
    older,
  );
}

/** Orders versions so that each comes after those it replaces (ties by name); what a cycle leaves is put last, by name. */
function oldestFirst<A extends Version>(versions: A[], older: ReadonlyMap<string, Set<string>>): A[] {
  const byName = (a: A, b: A) => a.name.localeCompare(b.name, 'en', { numeric: true }) || a.id.localeCompare(b.id, 'en');
  const left = [...versions].sort(byName);
  const placed = new Set<string>();
  const ordered: A[] = [];
  while (left.length > 0) {
    const at = left.findIndex((api) => [...(older.get(api.id) ?? [])].every((id) => placed.has(id)));
    const [next] = left.splice(at === -1 ? 0 : at, 1);
    placed.add(next!.id);
    ordered.push(next!);
  }
  return ordered;
}
