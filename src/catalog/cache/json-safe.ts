/**
 * Whether JSON.parse(JSON.stringify(value)) gives back `value` exactly: plain objects and dense
 * arrays of strings, finite numbers other than -0, booleans and null, and no undefined field.
 * Anything else (Infinity from YAML's .inf, a Date, a Map) needs the structured clone.
 */
export function isJsonSafe(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node) || Object.is(node, -0)) return false;
      continue;
    }
    if (typeof node !== 'object') return false;
    if (Array.isArray(node)) {
      if (Object.getPrototypeOf(node) !== Array.prototype) return false;
      for (let index = 0; index < node.length; index++) {
        if (!(index in node)) return false;
        pending.push(node[index]);
      }
      continue;
    }
    if (Object.getPrototypeOf(node) !== Object.prototype) return false;
    for (const key in node) pending.push((node as Record<string, unknown>)[key]);
  }
  return true;
}
