import { describe, expect, it } from 'vitest';
import { indexKey } from '../../src/search/index-files.ts';

describe('the key of a search index', () => {
  it('is made for a catalogue of any size, and changes with any page', () => {
    // 200,000 pages: as many arguments to one call would overflow the call stack (a 5,000-API build did).
    const pages = Array.from({ length: 200_000 }, (_, at) => ({ page: `apis/api-${at}/index.html`, sha: `${at}`.padStart(64, '0') }));
    const key = indexKey(pages);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(indexKey(pages.map((page, at) => (at === 1234 ? { ...page, sha: 'f'.repeat(64) } : page)))).not.toBe(key);
    expect(indexKey(pages.slice(1))).not.toBe(key);
  });
});
