import { describe, expect, it } from 'vitest';
import { sortGuides } from '../../src/site/guide-order.ts';

describe('the order of the guides', () => {
  it('follows their order, then their slug, whatever order they were read in', () => {
    const guides = [
      { slug: 'support', order: 100 },
      { slug: 'errors', order: 4 },
      { slug: 'faq', order: 100 },
      { slug: 'authentication', order: 2 },
      { slug: 'contributing', order: 100 },
    ];
    const expected = ['authentication', 'errors', 'contributing', 'faq', 'support'];
    expect(sortGuides(guides, (g) => g).map((g) => g.slug)).toEqual(expected);
    expect(sortGuides([...guides].reverse(), (g) => g).map((g) => g.slug)).toEqual(expected);
  });

  it('reads the order and slug through the key it is given, leaving the list it sorts untouched', () => {
    const entries = [
      { id: 'b', data: { order: 1 } },
      { id: 'a', data: { order: 1 } },
    ];
    expect(sortGuides(entries, (e) => ({ order: e.data.order, slug: e.id })).map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries.map((e) => e.id)).toEqual(['b', 'a']);
  });
});
