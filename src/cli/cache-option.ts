import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { CacheOptions } from '../catalog/cache/contract-cache.ts';
import { warningOnce } from '../catalog/cache/cache-folder.ts';
import { defaultCacheDir } from '../catalog/cache/default-cache-dir.ts';
import { isInside } from '../catalog/discover.ts';
import { UsageError, type OptionSpec } from './args.ts';

/** The options `check` and `build` take for the cache. */
export const cacheArgs = {
  cache: {
    type: 'string',
    placeholder: 'DIR',
    description: 'where checked contracts and built pages are kept between runs (default: node_modules/.cache/portolan)',
  },
  'no-cache': { type: 'boolean', default: false, description: 'neither read nor write the cache' },
} as const satisfies Record<string, OptionSpec>;

/**
 * The cache a command uses: --cache DIR, else the default folder; none with --no-cache. A folder
 * inside the catalogue or the output is a usage error: the cache would be read as catalogue
 * files, or replaced with the output. A folder that cannot be written is said once, however many
 * of the run's caches find it so.
 */
export function chooseCache(
  values: { cache?: string | undefined; 'no-cache'?: boolean | undefined },
  folders: { catalog: string; out?: string },
): CacheOptions | undefined {
  if (values['no-cache']) {
    if (values.cache !== undefined) throw new UsageError('--cache and --no-cache cannot be used together');
    return undefined;
  }
  if (values.cache === undefined) return warningOnce({ dir: defaultCacheDir(), onWarning: (line) => console.error(line) });
  const dir = path.resolve(values.cache);
  for (const [name, folder] of [
    ['catalogue', folders.catalog],
    ['output', folders.out],
  ] as const) {
    if (folder !== undefined && (isInside(folder, dir) || isInside(realOrSame(folder), realOrSame(dir)))) {
      throw new UsageError(`--cache "${values.cache}" is inside the ${name} folder "${folder}"; choose a cache folder outside it`);
    }
  }
  return warningOnce({ dir, onWarning: (line) => console.error(line) });
}

/** The path with links resolved, as far as it exists: the cache folder may not exist yet. */
function realOrSame(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    const parent = path.dirname(target);
    return parent === target ? target : path.join(realOrSame(parent), path.basename(target));
  }
}
