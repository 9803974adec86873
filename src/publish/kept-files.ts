import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { sha256 } from '../catalog/cache/read-log.ts';

/** A file made for the site: its bytes and their sha256, which the audit is given. */
export interface MadeFile {
  bytes: Uint8Array;
  sha: string;
}

/**
 * The `count` files an entry keeps under `key`, or those `make` gives, which are then kept. An
 * entry holds each file's sha256 and length, then their bytes one after the other: read back,
 * they are written as they are, neither parsed as JSON strings nor encoded again (the downloads
 * and mock data of 1,000 APIs are 200 MB).
 */
export function keptFiles(folder: CacheFolder, key: string, count: number, make: () => string[]): MadeFile[] {
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
