import { CacheFolder, warningOnce, type CacheOptions } from '../catalog/cache/cache-folder.ts';

/** The caches of the steps after the check, one folder of the build's cache each; none with --no-cache. */
export interface BuildCaches {
  /** The rendered pages, by group (page-cache.ts). */
  rendered: CacheFolder;
  /** Each page's policy and leaks (page-outcomes.ts). */
  pages: CacheFolder;
  /** Each page as the search index reads it (search-inputs.ts). */
  searchInputs: CacheFolder;
  /** The search index of a whole set of pages (index-files.ts). */
  index: CacheFolder;
  /** Each API's contract downloads, mock data and console contract (downloads.ts, try-it-assets.ts). */
  downloads: CacheFolder;
  /** What the audit found in each file (audit-cache.ts). */
  audit: CacheFolder;
  /** What the last build into each output folder made, and from what (up-to-date.ts). */
  builds: CacheFolder;
}

/** The build's caches under `options.dir`, or undefined when the build has no cache. */
export function openBuildCaches(options: CacheOptions | undefined): BuildCaches | undefined {
  if (!options) return undefined;
  const once = warningOnce(options);
  const folder = (sub: string) => new CacheFolder(once, sub);
  return {
    rendered: folder('pages'),
    pages: folder('page-outcomes'),
    searchInputs: folder('search-inputs'),
    index: folder('index'),
    downloads: folder('downloads'),
    audit: folder('audit'),
    builds: folder('builds'),
  };
}

/** Removes what no build used for two weeks from each cache. */
export function pruneBuildCaches(caches: BuildCaches | undefined): void {
  if (caches) Object.values(caches).forEach((folder) => folder.prune());
}
