import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relativeTo } from '../contracts/paths.ts';

/** The sha256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The files a contract job read, by catalogue-relative path, each with the sha256 of the bytes
 * it read, or null when it could not read it (a $ref to a missing file). A cache entry is valid
 * while every one of them still hashes the same.
 */
export class ReadLog {
  readonly files = new Map<string, string | null>();
  /** A file read twice with different bytes: it changed during the job, so its outcome is not kept. */
  unstable = false;

  /** Records one read: its bytes, or undefined when the read failed. */
  record(file: string, bytes: Uint8Array | undefined): void {
    const hash = bytes === undefined ? null : sha256(bytes);
    if (this.files.has(file) && this.files.get(file) !== hash) this.unstable = true;
    this.files.set(file, hash);
  }
}

/** Reads a catalogue file as UTF-8 and records its hash in `log`; throws as readFile does. */
export async function readLogged(root: string, absolute: string, log: ReadLog | undefined): Promise<string> {
  if (!log) return readFile(absolute, 'utf8');
  try {
    const bytes = await readFile(absolute);
    log.record(relativeTo(root, absolute), bytes);
    return bytes.toString('utf8');
  } catch (error) {
    log.record(relativeTo(root, absolute), undefined);
    throw error;
  }
}

/** readLogged, synchronously, for resolvers that must answer at once. */
export function readLoggedSync(root: string, absolute: string, log: ReadLog | undefined): string {
  if (!log) return readFileSync(absolute, 'utf8');
  try {
    const bytes = readFileSync(absolute);
    log.record(relativeTo(root, absolute), bytes);
    return bytes.toString('utf8');
  } catch (error) {
    log.record(relativeTo(root, absolute), undefined);
    throw error;
  }
}
