import { isVisibleTo, type Audience } from '../audience/filter.ts';

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

/** The guides a build for `build` shows, in the portal's order: those for its audience or a narrower one. */
export function guidesFor<T>(guides: readonly T[], key: (guide: T) => { order: number; slug: string; audience: Audience }, build: Audience): T[] {
  return sortGuides(
    guides.filter((guide) => isVisibleTo(key(guide).audience, build)),
    key,
  );
}

/** How guidesFor reads a guide of Astro's guides collection. */
export const guideKey = (guide: { id: string; data: { order: number; audience: Audience } }) => ({
  order: guide.data.order,
  slug: guide.id,
  audience: guide.data.audience,
});
