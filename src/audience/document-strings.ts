/** Calls `visit` with every key and string value of a document. */
export function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(key);
      eachString(child, visit);
    }
  }
}
