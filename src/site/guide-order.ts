/**
 * Guides in the order the portal shows them: their `order`, then their slug. The slug settles equal
 * orders, which would otherwise follow the order Astro's glob loader finished reading the files in.
 */
export function sortGuides<T>(guides: readonly T[], key: (guide: T) => { order: number; slug: string }): T[] {
  return [...guides].sort((a, b) => {
    const [first, second] = [key(a), key(b)];
    return first.order - second.order || first.slug.localeCompare(second.slug, 'en');
  });
}
