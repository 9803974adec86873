/** "1 API", "3 APIs": a count and its noun, the noun with an s unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
