import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** How a file looks to the file system, cheaply: its name, size, times and inode. */
export type FileStat = [name: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

const statAtOnce = 128;

/**
 * The stats of every file under `dir` (links followed to files; a link to a folder gives
 * undefined: such a tree is not described cheaply), sorted by name. A file written since has
 * another ctime, which no tool can set back, whatever it does with the mtime.
 */
export async function fileStats(dir: string): Promise<FileStat[] | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return [];
  const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name));
  const stats: FileStat[] = [];
  for (let start = 0; start < files.length; start += statAtOnce) {
    const batch = files.slice(start, start + statAtOnce);
    const read = await Promise.all(
      batch.map((file) =>
        lstat(file)
          .then((info) => (info.isSymbolicLink() ? stat(file) : info))
          .catch(() => undefined),
      ),
    );
    for (const [at, info] of read.entries()) {
      if (!info || info.isDirectory()) return undefined;
      stats.push([path.relative(dir, batch[at]!).split(path.sep).join('/'), info.size, info.mtimeMs, info.ctimeMs, info.ino]);
    }
  }
  return stats.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
