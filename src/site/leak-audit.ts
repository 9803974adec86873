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

/** A text file of a built site: its path relative to the site, with `/`, and its text, Pagefind's files inflated. */
export interface OutputText {
  file: string;
  text: string;
}

/** Every text file of a built site (images, fonts and WebAssembly left out), in path order. */
export async function outputTexts(dir: string): Promise<OutputText[]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !binary.test(file));
  return Promise.all(
    files.sort().map(async (file) => {
      const bytes = await readFile(path.join(dir, file));
      return { file, text: (gzipped.test(file) ? gunzipSync(bytes) : bytes).toString('utf8') };
    }),
  );
}

/**
 * Reads every file of a built site, the search index inflated and source maps included, and
 * returns where a hidden term appears as a whole word (a request path also right after a host).
 * The last check of a build: what it finds stops the build before its output replaces the
 * previous one.
 */
export async function auditOutput(dir: string, hidden: readonly HiddenTerm[]): Promise<Leak[]> {
  if (hidden.length === 0) return [];
  const why = new Map(hidden.map((h) => [h.term, h.why]));
  // Longest first, so "Customer API v3" is reported rather than a shorter term inside it.
  const terms = [...why.keys()].sort((a, b) => b.length - a.length).map(escape);
  const groups: string[] = [];
  const words = terms.filter((term) => !term.startsWith('/'));
  if (words.length > 0) groups.push(`(?<![\\w-])(?:${words.join('|')})`);
  // A request path starts with its own `/`: it is found right after a host too.
  const paths = terms.filter((term) => term.startsWith('/'));
  if (paths.length > 0) groups.push(`(?:${paths.join('|')})`);
  const pattern = new RegExp(`(?:${groups.join('|')})(?![\\w-])`, 'g');
  const leaks: Leak[] = [];
  for (const { file, text } of await outputTexts(dir)) {
    const seen = new Set<string>();
    for (const match of text.matchAll(pattern)) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      leaks.push({ file, term: match[0], why: why.get(match[0])! });
      if (seen.size >= perFile) break;
    }
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file) || a.term.localeCompare(b.term));
}
