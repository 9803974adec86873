/** Turns a name into an anchor-safe slug, unique within `taken` (which it extends). */
export function uniqueAnchor(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'operation';
  let anchor = /^[a-z]/.test(base) ? base : `op-${base}`;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

/**
 * The ids an API page gives its own parts (BusinessDocs, OperationList, SchemaSection, ApiToc):
 * an operation may not take one as its anchor.
 */
export const pageAnchors: ReadonlySet<string> = new Set(['main', 'business', 'technical', 'more-docs', 'security', 'operations', 'schemas', 'top']);

/**
 * An operationId that can be an anchor as written: a letter, then letters, digits, `_`, `-` or
 * `.` (no space, no character a URL or a CSS selector would have to escape), at most 100 of them.
 */
const safeOperationId = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/**
 * The anchor of each operation, in order: its operationId when that is safe (`#listCustomers`,
 * as the README promises), else its slug `id`. An operationId is not taken when it is another
 * operation's slug (the slugs stay as aliases: an old link must keep landing where it did), one of
 * the page's own ids, a schema's (`schema-…`), or already chosen: the operation then keeps its slug.
 */
export function chooseAnchors(operations: readonly { id: string; operationId?: string | undefined }[]): string[] {
  const slugs = new Set(operations.map((op) => op.id));
  const chosen = new Set<string>();
  return operations.map((op) => {
    const wanted = op.operationId;
    const usable =
      wanted !== undefined &&
      safeOperationId.test(wanted) &&
      !pageAnchors.has(wanted) &&
      !wanted.startsWith('schema-') &&
      !chosen.has(wanted) &&
      (wanted === op.id || !slugs.has(wanted));
    const anchor = usable ? wanted : op.id;
    chosen.add(anchor);
    return anchor;
  });
}

/** The operations with their `anchor` set (chooseAnchors): call it once the whole contract's slugs are known. */
export function withAnchors<T extends { id: string; operationId?: string | undefined }>(operations: readonly T[]): (T & { anchor: string })[] {
  const anchors = chooseAnchors(operations);
  return operations.map((op, i) => ({ ...op, anchor: anchors[i]! }));
}
