import { readdir, readFile, rm } from 'node:fs/promises';
import { builtPages } from '../site/built-files.ts';
import path from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { routes } from '../site/urls.ts';

/**
 * What the index leaves out, besides what Pagefind skips on its own (nav, footer, forms, scripts):
 * schema trees, code and example bodies. Readers search in the words of the business; property
 * dumps would only weigh on the index and blur the ranking.
 */
const notIndexed = ['.schema', '.code-block', '.component', 'pre', 'thead'];

/** Pages read and sent to Pagefind together: one round trip a page leaves it idle in between, all at once would hold every page in memory. */
const pagesSentAtOnce = 64;

/**
 * Indexes the built site with Pagefind's Node API into `<site>/pagefind/`; returns the number of
 * pages indexed. Operations are not pages of their own: each is an anchor of its API's page (see
 * OperationItem), which Pagefind returns as a sub-result, so the index stays one entry per page
 * and its first download small however many operations the catalogue holds.
 */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const stopped: string[] = [];
  const restoreConsole = captureServiceStops(stopped);
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: notIndexed });
    if (!created.index) throw indexError('created', created.errors);
    await addPages(created.index, siteDir);
    const outputPath = path.join(siteDir, routes.searchBundle());
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw indexError('written', written.errors);
    await removeUnusedInterfaces(outputPath);
    return await countIndexedPages(outputPath);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    // Pagefind rejects with "Pagefind backend closed" when its binary cannot start; the cause is what it logged first.
    const cause = stopped[0] ? `Pagefind stopped: ${stopped[0]}` : error instanceof Error ? error.message : String(error);
    throw indexError('built', [cause]);
  } finally {
    await pagefind.close();
    restoreConsole();
  }
}

/**
 * Adds the site's pages to the index in the order of `builtPages`. The price of that order: Pagefind
 * reads pages sent to it one at a time, where its own walk read them in parallel (1,500 pages took
 * about 1.7 times as long on two cores).
 */
async function addPages(index: PagefindIndex, siteDir: string): Promise<void> {
  const pages = await builtPages(siteDir);
  for (let start = 0; start < pages.length; start += pagesSentAtOnce) {
    const batch = pages.slice(start, start + pagesSentAtOnce);
    const contents = await Promise.all(batch.map((page) => readFile(path.join(siteDir, page), 'utf8')));
    // Sent in order without waiting: Pagefind's service handles its messages one at a time, as they arrive.
    const added = await Promise.all(batch.map((page, at) => index.addHTMLFile({ sourcePath: page, content: contents[at]! })));
    const failed = added.findIndex((result) => result.errors.length > 0);
    if (failed >= 0) throw indexError(`read from ${batch[failed]}`, added[failed]!.errors);
  }
}

class SearchIndexError extends Error {}

function indexError(step: string, errors: string[]): SearchIndexError {
  return new SearchIndexError(`the search index could not be ${step}: ${errors.join('; ')}`);
}

/**
 * Pagefind's service prints `console.error("Service stopped", error)`, stack trace included, when
 * its binary cannot start or dies. Those are kept as messages for the build's own error instead.
 */
function captureServiceStops(into: string[]): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped') into.push(args[1] instanceof Error ? args[1].message : String(args[1]));
    else original(...args);
  };
  return () => {
    console.error = original;
  };
}

/** Pages that made it into the index: those with `data-pagefind-body`, not every HTML file read. */
async function countIndexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Pagefind writes its other interfaces too (modular, component, highlighting); the search page uses only the default one. */
async function removeUnusedInterfaces(outputPath: string): Promise<void> {
  for (const name of await readdir(outputPath)) {
    if (/^pagefind-(modular-ui|component-ui|highlight)\./.test(name)) await rm(path.join(outputPath, name));
  }
}
