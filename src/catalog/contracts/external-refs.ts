/** Whether a parsed contract has a `$ref` to another file (an internal one starts with "#"). */
export function hasExternalRefs(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!node || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    pending.push(...Object.values(node));
  }
  return false;
}
