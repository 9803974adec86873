import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The number of files under a folder and their total size in bytes. */
export interface DirSize {
  files: number;
  bytes: number;
}

/** Sums the sizes of every file under `dir` (0 files when it does not exist). */
export function measureDir(dir: string): DirSize {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return { files: 0, bytes: 0 };
  }
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** The size of each sub-folder of `dir`, e.g. of each `apis/<id>/` of a built portal. */
export function measureSubdirs(dir: string): Map<string, DirSize> {
  const sizes = new Map<string, DirSize>();
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return sizes;
  }
  for (const entry of entries) if (entry.isDirectory()) sizes.set(entry.name, measureDir(join(dir, entry.name)));
  return sizes;
}
