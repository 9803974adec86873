import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { BatchedWrites } from '../publish/batched-writes.ts';
import type { InputDigests } from './render-inputs.ts';

/** The pages one API's inputs make, the home page, or the pages and assets every API shares. */
export type Scope = 'shared' | 'home' | `api:${string}`;

/**
 * Which inputs a rendered file comes from, by its path: `apis/<id>/...` from that API's detail
 * (and the site data), the home page from the recent updates (and the site data), everything else
 * (the index pages `apis/index.html`, `domains/`, `teams/`, `services/`, `guides/`, each domain,
 * service, team and guide, explorer, search, 404, Astro's assets) from the site data.
 */
export function scopeOf(file: string): Scope {
  const api = /^apis\/([^/]+)\/./.exec(file);
  if (api) return `api:${api[1]!}`;
  return file === 'index.html' ? 'home' : 'shared';
}

/** What, besides the render's inputs, decides every page: the code that renders, the options, the content folder. */
export interface RenderContext {
  code: string;
  content: string;
  base: string;
  site: string | undefined;
  audience: string;
}

/** The key of each scope's pages: the inputs its pages read, and the render's context. */
export function scopeKeys(digests: InputDigests, context: RenderContext): Map<Scope, string> {
  const common = sha256(JSON.stringify([context, digests.site]));
  const keys = new Map<Scope, string>([
    ['shared', sha256(`shared\n${common}\n${digests.kpis}`)],
    ['home', sha256(`home\n${common}\n${digests.recent}`)],
  ]);
  for (const [id, digest] of digests.apis) keys.set(`api:${id}`, sha256(`api\n${id}\n${common}\n${digest}`));
  return keys;
}

/**
 * Rendered pages kept between builds, one entry per scope: the list of its files with their
 * lengths, then their bytes one after the other. An entry that does not verify is a miss, so its
 * pages are rendered again.
 */
export class PageCache {
  private readonly folder: CacheFolder;

  constructor(folder: CacheFolder) {
    this.folder = folder;
  }

  /**
   * Writes the scope's cached files into `into` through `writes` (wait for its `done()`) and
   * returns how many; undefined when there is no entry for `key` that verifies.
   */
  async restore(key: string, into: string, writes: BatchedWrites): Promise<number | undefined> {
    const [files, bytes] = this.folder.read(key, 2) ?? [];
    if (!isFileList(files) || !(bytes instanceof Uint8Array) || files.reduce((sum, [, length]) => sum + length, 0) !== bytes.length) return undefined;
    let start = 0;
    for (const [file, length] of files) {
      await writes.write(path.join(into, file), bytes.subarray(start, start + length));
      start += length;
    }
    return files.length;
  }

  /** Keeps the files of a scope, read from `dir`, under `key`. */
  async store(key: string, dir: string, files: readonly string[]): Promise<void> {
    if (!this.folder.canWrite) return;
    const contents = await Promise.all(files.map((file) => readFile(path.join(dir, file))));
    this.folder.write(key, [files.map((file, at) => [file, contents[at]!.length]), Buffer.concat(contents)]);
  }
}

/** A list of [file, length] whose files stay inside the folder they are written to. */
function isFileList(value: unknown): value is [string, number][] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        Array.isArray(item) &&
        typeof item[0] === 'string' &&
        Number.isInteger(item[1]) &&
        item[1] >= 0 &&
        !path.isAbsolute(item[0]) &&
        !item[0].split('/').includes('..'),
    )
  );
}
