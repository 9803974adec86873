import path from 'node:path';
import { portolanRoot } from './portolan-version.ts';

/**
 * The cache folder unless told otherwise: `node_modules/.cache/portolan` (the convention of
 * Babel, ESLint and Vite), in the node_modules Portolan is installed in, or in Portolan's own.
 */
export function defaultCacheDir(): string {
  const parent = path.dirname(portolanRoot);
  return path.basename(parent) === 'node_modules' ? path.join(parent, '.cache/portolan') : path.join(portolanRoot, 'node_modules/.cache/portolan');
}
