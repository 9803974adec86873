import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Files in flight at once: enough to keep the disk busy, few enough that their texts weigh little. */
const writtenAtOnce = 32;

/**
 * Writes files a few dozen at a time instead of one after the other: thousands of small files
 * written in turn are mostly time spent waiting on each. Call `done()` at the end: it waits for
 * the last ones, and fails if any write failed.
 */
export class BatchedWrites {
  private pending: Promise<void>[] = [];
  /** Each folder made, once: the writes into it wait for it. */
  private readonly folders = new Map<string, Promise<unknown>>();

  /** Writes `text` to `file` (its folder made first), waiting first when a batch is full. */
  async write(file: string, text: string | Uint8Array): Promise<void> {
    if (this.pending.length >= writtenAtOnce) await this.done();
    const folder = path.dirname(file);
    let made = this.folders.get(folder);
    if (!made) this.folders.set(folder, (made = mkdir(folder, { recursive: true })));
    const written = made.then(() => writeFile(file, text));
    // Observed at once; the failure is thrown by done().
    written.catch(() => undefined);
    this.pending.push(written);
  }

  /** Waits for every write started. */
  async done(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}
