import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isRunning } from '../is-running.ts';

/** An entry no load has used for this long is removed: the cache of a catalogue's past states would otherwise only grow. */
const keptForMs = 14 * 24 * 3600 * 1000;

/**
 * Removes the entries of `dir` that no load used in the last two weeks (a hit renews an entry's
 * time), and the temporary files of writers that no longer run (a killed build's). Never throws:
 * a folder it cannot tidy is left as it is.
 */
export function pruneCache(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const writer = /\.entry\.(\d+)-\w+\.tmp$/.exec(name);
    try {
      if (writer) {
        if (!isRunning(Number(writer[1]))) rmSync(file, { force: true });
      } else if (name.endsWith('.entry') && now - statSync(file).mtimeMs > keptForMs) {
        rmSync(file, { force: true });
      }
    } catch {
      // Removed meanwhile by another load, or not ours to remove.
    }
  }
}
