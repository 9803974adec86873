import { cp, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Swaps a freshly built folder into place, so a failed build never leaves a half-written one.
 * Returns once `target` is the new folder, with the removal of the old one under way.
 */
export async function replaceFolder(staged: string, target: string): Promise<{ oldRemoved: Promise<void> }> {
  const old = `${target}.old-${process.pid}`;
  await mkdir(path.dirname(target), { recursive: true });
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  await rename(staged, target);
  return { oldRemoved: rm(old, { recursive: true, force: true }) };
}

/**
 * Moves everything in `from` into `into`, merging folders that both hold. A rename where it can;
 * a copy where `into` is on another file system, which a rename cannot cross.
 */
export async function moveInto(from: string, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    const existing = await lstat(target).catch(() => undefined);
    if (entry.isDirectory() && existing?.isDirectory()) await moveInto(source, target);
    else
      await rename(source, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV') throw error;
        await cp(source, target, { recursive: true, force: true });
      });
  }
}
