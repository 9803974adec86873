import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (slash-separated relative path) → the sha256 of its bytes. */
export async function hashFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(
      path.relative(dir, file).split(path.sep).join('/'),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

/** The files that differ between two hash maps, each with how: only in one of them, or changed. Sorted. */
export function differingFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.flatMap((name) => {
    if (!b.has(name)) return [`${name} (only in the first)`];
    if (!a.has(name)) return [`${name} (only in the second)`];
    return a.get(name) === b.get(name) ? [] : [`${name} (changed)`];
  });
}
