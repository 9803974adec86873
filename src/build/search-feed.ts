import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { indexKey, keepIndex, restoreIndex, type IndexedPage, type IndexFiles } from '../search/index-files.ts';
import { countIndexedPages, openSearchIndex, pagesSentAtOnce, type SearchIndex } from '../search/pagefind-index.ts';
import type { SearchInputs } from '../search/search-inputs.ts';

/** A page offered to the index, with a way to get its rendered HTML again when it is no longer held. */
interface Offered extends IndexedPage {
  rendered: () => Promise<string>;
}

/** What the index step did: the pages indexed, and the index's files with their sha256 when the cache holds them. */
export interface SearchWritten {
  pages: number;
  files: IndexFiles | undefined;
}

/**
 * Feeds the search index as the pages pass reads the pages. Pagefind cannot add pages to an
 * index, so one changed page means reading every page again; when no page changed (each came out
 * of the pages cache) and the cache holds the index of exactly those pages, that index is used
 * and Pagefind never runs. Pagefind starts at the first page the cache did not know, and is then
 * fed the pages before it too, in order, from what the cache kept of them.
 */
export class SearchFeed {
  private readonly inputs: SearchInputs;
  private readonly folder: CacheFolder | undefined;
  private readonly offered: Offered[] = [];
  private index: SearchIndex | undefined;
  private fed = 0;
  private adding: Promise<void>[] = [];

  constructor(inputs: SearchInputs, folder: CacheFolder | undefined) {
    this.inputs = inputs;
    this.folder = folder;
  }

  /**
   * Offers the next page: `input`, what the index reads of it, kept in the cache already, or
   * without it, made from the page as `rendered` gives it back (or taken from the cache);
   * `known`: its outcome came from the cache.
   */
  async offer(page: IndexedPage, rendered: () => Promise<string>, known: boolean, input?: string): Promise<void> {
    this.offered.push({ ...page, rendered });
    if (!this.index && known) return;
    await this.start();
    await this.catchUp(this.offered.length - 1);
    this.add(page.page, input ?? (await this.inputs.inputOf(page.sha, rendered)));
  }

  /** Waits until Pagefind has read what it was sent: called once a batch, so pages are not all held at once. */
  async drain(): Promise<void> {
    const adding = this.adding;
    this.adding = [];
    await Promise.all(adding);
  }

  /** Writes the index into the site: the cached one when it is the index of the pages offered, else Pagefind's. */
  async write(siteDir: string): Promise<SearchWritten> {
    const key =
      this.folder &&
      indexKey(
        this.offered.map(({ page, sha }) => ({ page, sha })),
        this.inputs.synonyms?.digest,
      );
    if (!this.index && key) {
      const files = await restoreIndex(this.folder!, key, siteDir);
      if (files) return { pages: await countIndexedPages(siteDir), files };
    }
    await this.start();
    await this.catchUp(this.offered.length);
    await this.drain();
    const pages = await this.index!.write(siteDir);
    return { pages, files: key ? await keepIndex(this.folder!, key, siteDir) : undefined };
  }

  /** Stops Pagefind, when it ran; always call it. */
  async close(): Promise<void> {
    await this.index?.close();
  }

  private async start(): Promise<void> {
    this.index ??= await openSearchIndex();
  }

  /** Feeds the offered pages Pagefind has not had, up to `end`, a batch at a time. */
  private async catchUp(end: number): Promise<void> {
    while (this.fed < end) {
      const batch = this.offered.slice(this.fed, Math.min(end, this.fed + pagesSentAtOnce));
      const inputs = await Promise.all(batch.map(({ sha, rendered }) => this.inputs.inputOf(sha, rendered)));
      batch.forEach(({ page }, at) => this.add(page, inputs[at]!));
      await this.drain();
    }
  }

  private add(page: string, input: string): void {
    const added = this.index!.add(page, input);
    // Handled at once, so a failing index never leaves a rejection unobserved while the pass goes on.
    added.catch(() => undefined);
    this.adding.push(added);
    this.fed++;
  }
}
