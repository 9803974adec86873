import path from 'node:path';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { BatchedWrites } from './batched-writes.ts';

/** Where the files made from each contract (downloads, mock data, console contract) are cached, and the map each file written is recorded in with its sha256 (for the audit). */
export interface PublishCache {
  folder: CacheFolder;
  written: Map<string, string>;
}

/**
 * Writes the files of one API made from its contract, one a route, through `writes`. With a
 * cache, they come from its entry under `key()` when there is one that verifies, are made and
 * kept otherwise, and each is recorded with its sha256. An entry holds each file's sha256 and
 * length, then their bytes one after the other: read back, they are written as they are, neither
 * parsed as JSON strings nor encoded again (the downloads and mock data of 1,000 APIs are 200 MB).
 */
export async function writeMadeFiles(
  writes: BatchedWrites,
  outDir: string,
  routes: readonly string[],
  make: () => string[],
  cache?: { publish: PublishCache; key: () => string },
): Promise<void> {
  if (!cache) {
    for (const [at, text] of make().entries()) await writes.write(path.join(outDir, routes[at]!), text);
    return;
  }
  for (const [at, { bytes, sha }] of keptFiles(cache.publish.folder, cache.key(), routes.length, make).entries()) {
    cache.publish.written.set(routes[at]!.replace(/^\/+/, ''), sha);
    await writes.write(path.join(outDir, routes[at]!), bytes);
  }
}

/** The `count` files an entry keeps under `key` with their sha256, or those `make` gives, which are then kept. */
export function keptFiles(folder: CacheFolder, key: string, count: number, make: () => string[]): { bytes: Uint8Array; sha: string }[] {
  const [list, bytes] = folder.read(key, 2) ?? [];
  if (isShaList(list, count) && bytes instanceof Uint8Array && list.reduce((sum, [, length]) => sum + length, 0) === bytes.length) {
    let start = 0;
    return list.map(([sha, length]) => ({ sha, bytes: bytes.subarray(start, (start += length)) }));
  }
  const made = make().map((text) => Buffer.from(text));
  const files = made.map((bytes) => ({ bytes, sha: sha256(bytes) }));
  folder.write(key, [files.map(({ sha, bytes }) => [sha, bytes.length]), Buffer.concat(made)]);
  return files;
}

/** A list of `count` [sha256, length]. */
function isShaList(value: unknown, count: number): value is [string, number][] {
  return (
    Array.isArray(value) &&
    value.length === count &&
    value.every((item) => Array.isArray(item) && typeof item[0] === 'string' && Number.isInteger(item[1]) && item[1] >= 0)
  );
}
