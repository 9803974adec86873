import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Swaps a freshly built folder into place, so a failed build never leaves a half-written one. */
export async function replaceFolder(staged: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await mkdir(path.dirname(target), { recursive: true });
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  await rename(staged, target);
  await rm(old, { recursive: true, force: true });
}

/** Counts the HTML pages of a built site. */
export async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}
