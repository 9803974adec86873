import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** How a file looks to the file system, cheaply: its name, size, times and inode. */
export type FileStat = [name: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * The stats of every file under `dir` (links followed to files; a link to a folder gives
 * undefined: such a tree is not described cheaply), sorted by name. A file written since has
 * another ctime, which no tool can set back, whatever it does with the mtime. Read one after the
 * other in this thread: for 20,000 files that is 0.3 s, against 0.9 to 1.4 s through the
 * promises of node:fs, 128 at a time, each a trip to a worker thread and back (2026-12-04).
 */
export function fileStats(dir: string): FileStat[] | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const stats: FileStat[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const info = statOf(file);
    if (!info || info.isDirectory()) return undefined;
    stats.push([path.relative(dir, file).split(path.sep).join('/'), info.size, info.mtimeMs, info.ctimeMs, info.ino]);
  }
  return stats.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A file's stats, those of its target for a link; undefined when it is gone or the link is broken. */
function statOf(file: string): Stats | undefined {
  try {
    const info = lstatSync(file);
    return info.isSymbolicLink() ? statSync(file) : info;
  } catch {
    return undefined;
  }
}
