import path from 'node:path';

/** A path relative to the catalogue root, with forward slashes, as diagnostics print it. */
export function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
