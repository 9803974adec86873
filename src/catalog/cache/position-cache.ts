import type { Position } from '../diagnostics.ts';
import type { PathSegment } from '../read-yaml.ts';
import { CacheFolder, type CacheOptions } from './cache-folder.ts';
import { portolanFingerprint } from './portolan-version.ts';
import { sha256 } from './read-log.ts';

type Kept = [string, number, number][];

/**
 * Where values of the catalogue's own files were found, kept between runs in the cache folder's
 * positions/ part. A finding on a metadata file (a service with two owners, a possible duplicate)
 * needs the file parsed again with positions: ~0.4 ms a file, 0.45 s of a warm check of 1,250
 * APIs with ~1,800 such findings. A place is keyed by the file's hash, the path and the target, so
 * an edited file is parsed again; the entry holds the places this run used, nothing older.
 */
export class PositionCache {
  private readonly folder: CacheFolder;
  private readonly key = sha256(JSON.stringify(['positions', portolanFingerprint()]));
  private readonly known: Map<string, Position>;
  private readonly used = new Map<string, Position>();
  private added = false;

  constructor(options: CacheOptions) {
    this.folder = new CacheFolder(options, 'positions');
    const [kept] = this.folder.read(this.key, 1) ?? [];
    this.known = new Map(isKept(kept) ? kept.map(([place, line, column]) => [place, { line, column }]) : []);
  }

  /** The position of `path` in a file whose text hashes to `textHash`: kept, or what `locate` finds. */
  locate(textHash: string, path: readonly PathSegment[], target: 'key' | 'value', locate: () => Position): Position {
    const place = JSON.stringify([textHash, target, path]);
    let position = this.used.get(place) ?? this.known.get(place);
    if (!position) {
      position = locate();
      this.added = true;
    }
    this.used.set(place, position);
    return position;
  }

  /** Keeps the places this run used, when they are not what the cache already holds; removes what no run used for two weeks (an older code's entry). */
  save(): void {
    if (this.added || this.used.size !== this.known.size) this.folder.write(this.key, [[...this.used].map(([place, { line, column }]) => [place, line, column])]);
    this.folder.prune();
  }
}

function isKept(value: unknown): value is Kept {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        Array.isArray(item) &&
        item.length === 3 &&
        typeof item[0] === 'string' &&
        Number.isInteger(item[1]) &&
        Number.isInteger(item[2]) &&
        (item[1] as number) >= 1 &&
        (item[2] as number) >= 1,
    )
  );
}
