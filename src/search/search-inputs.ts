import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import { indexedHtml } from './indexed-html.ts';
import type { Synonyms } from './synonyms.ts';

/** Each page as the search index reads it (indexedHtml), kept by the sha256 of the rendered page and the glossary: the index is rebuilt from every page when one changes. */
export class SearchInputs {
  private readonly folder: CacheFolder | undefined;
  /** The glossary's synonyms, added to the pages as indexedHtml reads them. */
  readonly synonyms: Synonyms | undefined;

  constructor(folder: CacheFolder | undefined, synonyms?: Synonyms) {
    this.folder = folder;
    this.synonyms = synonyms;
  }

  /** What the index reads of the rendered page of sha256 `sha`: from the cache, else made from `rendered` (and kept). */
  async inputOf(sha: string, rendered: string | (() => Promise<string>)): Promise<string> {
    const key = this.folder && outputKey('search-input', sha, this.synonyms?.digest ?? '');
    const [kept] = (key && this.folder?.read(key, 1)) || [];
    if (typeof kept === 'string') return kept;
    const html = typeof rendered === 'string' ? rendered : await rendered();
    return this.keep(sha, indexedHtml(html, this.synonyms ? { synonyms: this.synonyms } : {}));
  }

  /** Keeps `input`, made from the rendered page of sha256 `sha` by indexedHtml (or scanPage), and returns it. */
  keep(sha: string, input: string): string {
    if (this.folder) this.folder.write(outputKey('search-input', sha, this.synonyms?.digest ?? ''), [input]);
    return input;
  }
}
