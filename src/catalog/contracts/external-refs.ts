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

/**
 * A look at a contract's text: false when every `$ref` in it is written "#…" (so none names another
 * file), without walking the parsed document. An escaped key could hide one: then it says true.
 */
export function mayHaveExternalRefs(text: string): boolean {
  return /\$ref["']?\s*:(?!\s*["']?#)/.test(text) || text.includes('\\u0024');
}
