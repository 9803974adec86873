import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import { builtFiles } from '../site/built-files.ts';
import { routes } from '../site/urls.ts';

/** A page the index is built from, by its path in the site and the sha256 of its rendered HTML. */
export interface IndexedPage {
  page: string;
  sha: string;
}

/** The index's files, each relative to the site (with `/`) and with its sha256, which the audit can use instead of reading it. */
export type IndexFiles = Map<string, string>;

/** The key of the index built from `pages`, in that order, with the glossary's `synonyms` digest: Pagefind's output depends on nothing else (and on the code). */
export function indexKey(pages: readonly IndexedPage[], synonyms = ''): string {
  // One argument, not one per page: tens of thousands of arguments overflow the call stack.
  return outputKey('search-index', synonyms, pages.map(({ page, sha }) => `${page}\0${sha}`).join('\0'));
}

/** Writes the index kept under `key` into the site; undefined when there is none that verifies. */
export async function restoreIndex(folder: CacheFolder, key: string, siteDir: string): Promise<IndexFiles | undefined> {
  const [files] = folder.read(key, 1) ?? [];
  const bundle = path.join(siteDir, routes.searchBundle());
  if (!isIndexFiles(files) || files.some(([file]) => !path.join(siteDir, file).startsWith(bundle))) return undefined;
  await rm(bundle, { recursive: true, force: true });
  const written: IndexFiles = new Map();
  for (const [file, bytes] of files) {
    const target = path.join(siteDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    written.set(file, sha256(bytes));
  }
  return written;
}

/** Keeps the index the site holds under `key`; returns its files. */
export async function keepIndex(folder: CacheFolder, key: string, siteDir: string): Promise<IndexFiles> {
  const bundle = routes.searchBundle().replace(/^\/+/, '');
  const files: [string, Uint8Array][] = [];
  for (const file of await builtFiles(path.join(siteDir, bundle))) files.push([`${bundle}${file}`, await readFile(path.join(siteDir, bundle, file))]);
  folder.write(key, [files]);
  return new Map(files.map(([file, bytes]) => [file, sha256(bytes)]));
}

function isIndexFiles(value: unknown): value is [string, Uint8Array][] {
  return Array.isArray(value) && value.every((file) => Array.isArray(file) && typeof file[0] === 'string' && file[1] instanceof Uint8Array);
}
