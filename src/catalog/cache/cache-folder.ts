import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeEntry, encodeEntry } from './entry-file.ts';
import { pruneCache } from './prune-cache.ts';

/** Where a cache is kept, and who hears that the folder cannot be written. */
export interface CacheOptions {
  dir: string;
  onWarning?: (line: string) => void;
}

/** The same options, whose warning is said once however many folders use them: a folder that cannot be written would be said by each of its parts. */
export function warningOnce(options: CacheOptions): CacheOptions {
  let warned = false;
  return { ...options, onWarning: (line) => (warned ? undefined : ((warned = true), options.onWarning?.(line))) };
}

/**
 * One folder of cache entries, one file per key (a sha256), verified when read (entry-file.ts)
 * and written atomically. The first write that fails turns the folder read-only for the rest of
 * the run, with one warning.
 */
export class CacheFolder {
  readonly dir: string;
  private readonly onWarning: ((line: string) => void) | undefined;
  private writable = true;

  constructor(options: CacheOptions, sub?: string) {
    this.dir = sub ? path.join(path.resolve(options.dir), sub) : path.resolve(options.dir);
    this.onWarning = options.onWarning;
  }

  /**
   * The first `wanted` parts of the entry for `key`, or undefined when there is none that
   * verifies; a hit renews the entry. Parts from `lazyFrom` on are verified but given undecoded
   * (LazyPart, entry-file.ts).
   */
  read(key: string, wanted: number, lazyFrom?: number): unknown[] | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.entryFile(key));
    } catch {
      return undefined;
    }
    const parts = decodeEntry(key, bytes, wanted, lazyFrom);
    if (parts) this.renew(key);
    return parts;
  }

  /** Keeps `parts` under `key`; nothing once the folder has proved read-only. */
  write(key: string, parts: readonly unknown[]): void {
    if (!this.writable) return;
    const file = this.entryFile(key);
    // A name of its own in the same folder, so the rename is atomic and two processes never write one file.
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, encodeEntry(key, parts));
      renameSync(temporary, file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is the problem: there is no temporary file to remove.
      }
      this.writable = false;
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.onWarning?.(`the cache folder "${this.dir}" cannot be written (${reason}), so this run is not cached; pass --cache DIR to use another folder, or --no-cache`);
    }
  }

  /** Whether entries can still be written in this run. */
  get canWrite(): boolean {
    return this.writable;
  }

  /** Removes what is stale; nothing when the folder cannot be written. */
  prune(): void {
    if (this.writable) pruneCache(this.dir);
  }

  /** Marks an entry as used now, so pruning keeps it. */
  private renew(key: string): void {
    try {
      const now = new Date();
      utimesSync(this.entryFile(key), now, now);
    } catch {
      // A read-only cache is still read: the entry just ages.
    }
  }

  private entryFile(key: string): string {
    return path.join(this.dir, `${key}.entry`);
  }
}
