import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { HiddenTerm } from '../catalog/hidden-terms.ts';

/** A hidden term found in an output file. */
export interface Leak extends HiddenTerm {
  /** Relative to the output folder. */
  file: string;
}

/** Binary files: images, fonts and Pagefind's WebAssembly hold no catalogue text. */
const binary = /\.(png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|wasm)$|(^|\/)wasm\.[^/]+\.pagefind$/;
/** Pagefind's index files are gzipped: what they hold is read once inflated. */
const gzipped = /\.pf_\w+$/;
/** How many leaks one file reports: enough to see what it is, not a flood. */
const perFile = 5;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads every file of a built site, the search index inflated and source maps included, and
 * returns where a hidden term appears as a whole word. The last check of a build: what it finds
 * stops the build before its output replaces the previous one.
 */
export async function auditOutput(dir: string, hidden: readonly HiddenTerm[]): Promise<Leak[]> {
  if (hidden.length === 0) return [];
  const why = new Map(hidden.map((h) => [h.term, h.why]));
  // Longest first, so "Customer API v3" is reported rather than a shorter term inside it.
  const terms = [...why.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\w-])(?:${terms.join('|')})(?![\\w-])`, 'g');
  const leaks: Leak[] = [];
  for (const file of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())) {
    const relative = path.relative(dir, path.join(file.parentPath, file.name)).split(path.sep).join('/');
    if (binary.test(relative)) continue;
    const bytes = await readFile(path.join(dir, relative));
    const text = (gzipped.test(relative) ? gunzipSync(bytes) : bytes).toString('utf8');
    const seen = new Set<string>();
    for (const match of text.matchAll(pattern)) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      leaks.push({ file: relative, term: match[0], why: why.get(match[0])! });
      if (seen.size >= perFile) break;
    }
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file, 'en') || a.term.localeCompare(b.term, 'en'));
}
