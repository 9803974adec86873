import path from 'node:path';

/**
 * What the index leaves out: schema trees, code and example bodies. Readers search in the
 * words of the business; property dumps would only weigh on the index and blur the ranking.
 */
const notIndexed = ['.schema', '.code-block', '.component', 'pre', 'nav', '.crumbs'];

/** Indexes the built site with Pagefind (its Node API) into `<site>/pagefind/`; returns the number of pages indexed. */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: notIndexed });
    if (!created.index) throw new Error(`the search index could not be created: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`the search index could not read the site: ${added.errors.join('; ')}`);
    const written = await created.index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`the search index could not be written: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
