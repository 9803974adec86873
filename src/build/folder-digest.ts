import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../catalog/cache/read-log.ts';

/** A digest of every file under `dir`, names and bytes: another name, another byte or another file gives another digest. */
export async function folderDigest(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return sha256('no folder');
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const parts = await Promise.all(files.map(async (file) => `${path.relative(dir, file).split(path.sep).join('/')}\0${sha256(await readFile(file))}`));
  return sha256(parts.join('\n'));
}
