import type { Api, Contract, Operation, SchemaView } from '../catalog/model.ts';
import { routes } from './urls.ts';

/**
 * Beyond this many operations an API's page lists its tags, and each tag gets a page of its
 * own with its operations and the schemas they use: a contract like GitHub's (1,000+ operations)
 * would otherwise be one page of many megabytes.
 */
export const operationsPerPage = 60;

/** The operations of one tag, shown on their own page. */
export interface OperationGroup {
  slug: string;
  tag: string;
  operations: Operation[];
  /** The named schemas these operations use, directly or through other schemas, in contract order. */
  schemas: string[];
}

const untagged = 'Other operations';

/** Whether a contract's operations are spread over one page per tag. */
export function splitsOperations(contract: Contract): boolean {
  return contract.operations.length > operationsPerPage;
}

/** The operations grouped by their first tag, tags in alphabetical order (a reader scans hundreds of them), untagged ones last. */
export function groupOperations(contract: Contract): OperationGroup[] {
  const byTag = new Map<string, Operation[]>();
  for (const op of contract.operations) {
    const tag = op.tags[0] ?? untagged;
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  const tags = [...byTag.keys()].sort((a, b) => Number(a === untagged) - Number(b === untagged) || a.localeCompare(b, 'en'));
  const slugs = new Set<string>();
  return tags.map((tag) => {
    const operations = byTag.get(tag)!;
    return { slug: uniqueSlug(tag, slugs), tag, operations, schemas: schemasUsedBy(operations, contract) };
  });
}

/** The group an operation is shown in, when the contract is split. */
export function groupOf(groups: readonly OperationGroup[], operationId: string): OperationGroup | undefined {
  return groups.find((group) => group.operations.some((op) => op.id === operationId));
}

/**
 * Where a reader finds each operation of an API: its page at the operation's anchor, or its tag's
 * page when the contract is split. One call per API: it groups the operations once.
 */
export function operationRoutes(api: Api): (op: Operation) => string {
  const pages = new Map<string, string>();
  if (splitsOperations(api.contract)) {
    for (const group of groupOperations(api.contract)) for (const op of group.operations) pages.set(op.id, routes.operations(api.id, group.slug));
  }
  return (op) => `${pages.get(op.id) ?? routes.api(api.id)}#${op.anchor}`;
}

function uniqueSlug(tag: string, taken: Set<string>): string {
  const base =
    tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'operations';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Named schemas reachable from the operations: referenced in place, or from another named schema. */
export function schemasUsedBy(operations: readonly Operation[], contract: Contract): string[] {
  const named = new Map(contract.schemas.map((s) => [s.name, s.schema]));
  const used = new Set<string>();
  const pending: SchemaView[] = [];
  for (const op of operations) pending.push(...schemasOf(op));
  for (let schema = pending.pop(); schema; schema = pending.pop()) {
    if (schema.ref && schema.name !== undefined) {
      if (used.has(schema.name)) continue;
      used.add(schema.name);
      const expanded = named.get(schema.name);
      if (expanded) pending.push(expanded);
      continue;
    }
    pending.push(...childrenOf(schema));
  }
  return contract.schemas.map((s) => s.name).filter((name) => used.has(name));
}

function schemasOf(op: Operation): SchemaView[] {
  const schemas: (SchemaView | undefined)[] = [
    ...op.parameters.map((p) => p.schema),
    ...(op.requestBody?.content ?? []).map((m) => m.schema),
    ...op.responses.flatMap((r) => [...r.content.map((m) => m.schema), ...r.headers.map((h) => h.schema)]),
    ...op.messages.flatMap((m) => [m.payload, m.headers]),
  ];
  return schemas.filter((s): s is SchemaView => s !== undefined);
}

function childrenOf(schema: SchemaView): SchemaView[] {
  return [
    ...(schema.properties ?? []).map((p) => p.schema),
    ...(schema.items ? [schema.items] : []),
    ...(schema.additional ? [schema.additional] : []),
    ...(schema.variants?.schemas ?? []),
  ];
}
