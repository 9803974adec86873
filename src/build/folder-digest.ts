import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../catalog/cache/read-log.ts';

/** How deep links to folders are followed; a deeper one (a cycle) makes the digest unique, so nothing is reused. */
const linkedFoldersFollowed = 8;

const readAtOnce = 64;

/**
 * A digest of every file under `dir`, names and bytes, following links: another name, another
 * byte or another file gives another digest. A missing folder has a digest of its own.
 */
export async function folderDigest(dir: string, depth = 0): Promise<string> {
  if (depth > linkedFoldersFollowed) return sha256(`${Math.random()}`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return sha256('no folder');
  const parts: string[] = [];
  // Read a few dozen at a time: one after the other, 20,000 small files take seconds.
  for (let start = 0; start < entries.length; start += readAtOnce) {
    const read = await Promise.all(entries.slice(start, start + readAtOnce).map((entry) => describe(dir, entry, depth)));
    parts.push(...read.filter((part) => part !== undefined));
  }
  return sha256(parts.sort().join('\n'));
}

/** A file's name and bytes' sha256; a link's target's; undefined for a folder (its files are listed). */
async function describe(dir: string, entry: Dirent, depth: number): Promise<string | undefined> {
  const file = path.join(entry.parentPath, entry.name);
  const name = path.relative(dir, file).split(path.sep).join('/');
  if (entry.isFile()) return `${name}\0${sha256(await readFile(file))}`;
  if (!entry.isSymbolicLink()) return undefined;
  const target = await stat(file).catch(() => undefined);
  if (target?.isFile()) return `${name}\0${sha256(await readFile(file))}`;
  if (target?.isDirectory()) return `${name}\0linked folder\0${await folderDigest(file, depth + 1)}`;
  return `${name}\0broken link`;
}
