import { readdir, readFile, rm } from 'node:fs/promises';
import { pagesInBatches } from '../site/built-files.ts';
import path from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { routes } from '../site/urls.ts';
import { indexedHtml, notIndexed, type IndexOptions } from './indexed-html.ts';

/**
 * Pages read and sent to Pagefind together: one round trip a page leaves it idle in between, all
 * at once would hold every page in memory. Sent in order without waiting: Pagefind's service
 * handles its messages one at a time, as they arrive, and numbers pages in that order.
 */
export const pagesSentAtOnce = 64;

/** A Pagefind index being filled: pages are added in the order they must be numbered, then written once. */
export interface SearchIndex {
  /** Adds one page as rendered, or as indexedHtml made it (`page` relative to the site, with `/`); resolves once Pagefind has read it. */
  add(page: string, html: string): Promise<void>;
  /** Writes the index into `<site>/pagefind/`; returns the number of pages indexed. */
  write(siteDir: string): Promise<number>;
  /** Stops Pagefind's service; always call it, after `write` or on failure. */
  close(): Promise<void>;
}

/**
 * Starts an index with Pagefind's Node API. Operations are not pages of their own: each is an
 * anchor of its API's page (see OperationItem), which Pagefind returns as a sub-result, so the
 * index stays one entry per page and its first download small however many operations the
 * catalogue holds. Pagefind runs in a process of its own: while it reads a page, this one can go on.
 */
export async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  const stopped: string[] = [];
  const restoreConsole = captureServiceStops(stopped);
  // Pagefind rejects with "Pagefind backend closed" when its binary cannot start; the cause is what it logged first.
  const failure = (step: string, error: unknown) =>
    error instanceof SearchIndexError
      ? error
      : indexError(step, [stopped[0] ? `Pagefind stopped: ${stopped[0]}` : error instanceof Error ? error.message : String(error)]);
  const close = async () => {
    await pagefind.close();
    restoreConsole();
  };
  let index: PagefindIndex;
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: notIndexed });
    if (!created.index) throw indexError('created', created.errors);
    index = created.index;
  } catch (error) {
    await close();
    throw failure('built', error);
  }
  return {
    async add(page, html) {
      const added = await index.addHTMLFile({ sourcePath: page, content: html }).catch((error: unknown) => {
        throw failure('built', error);
      });
      if (added.errors.length > 0) throw indexError(`read from ${page}`, added.errors);
    },
    async write(siteDir) {
      try {
        const outputPath = path.join(siteDir, routes.searchBundle());
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length > 0) throw indexError('written', written.errors);
        await removeUnusedInterfaces(outputPath);
        return await countIndexedPages(siteDir);
      } catch (error) {
        throw failure('built', error);
      }
    },
    close,
  };
}

/** Indexes the pages of a built site into `<site>/pagefind/`, in the order of `builtPages`; returns the number of pages indexed. */
export async function writeSearchIndex(siteDir: string, options: IndexOptions = {}): Promise<number> {
  const index = await openSearchIndex();
  try {
    for await (const batch of pagesInBatches(siteDir, pagesSentAtOnce))
      await Promise.all(batch.map(({ page, html }) => index.add(page, indexedHtml(html, options))));
    return await index.write(siteDir);
  } finally {
    await index.close();
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

/** The pages in the index a site holds: those with `data-pagefind-body`, not every HTML file read. */
export async function countIndexedPages(siteDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(siteDir, routes.searchBundle(), 'pagefind-entry.json'), 'utf8')) as {
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
