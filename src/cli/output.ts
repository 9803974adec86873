import { readdir, rename, rm } from 'node:fs/promises';

/** Swaps a freshly built folder into place, so a failed build never leaves a half-written one. */
export async function replaceFolder(staged: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  try {
    await rename(staged, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const { cp } = await import('node:fs/promises');
    await cp(staged, target, { recursive: true });
  }
  await rm(old, { recursive: true, force: true });
}

/** Counts the HTML pages of a built site. */
export async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}
