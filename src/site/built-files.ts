import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Binary files: images, fonts and Pagefind's WebAssembly hold no catalogue text. */
const binary = /\.(png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|wasm)$|(^|\/)wasm\.[^/]+\.pagefind$/;
/** Pagefind's index files are gzipped: what they hold is read once inflated. */
const gzipped = /\.pf_\w+$/;

/**
 * Every file of a built site, relative to it with `/`, in code-point order: the same on every file
 * system (their listing orders differ, and Pagefind numbers pages in the order it meets them).
 */
export async function builtFiles(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The HTML pages of a built site, as `builtFiles` lists them. */
export async function builtPages(dir: string): Promise<string[]> {
  return (await builtFiles(dir)).filter((file) => file.endsWith('.html'));
}

/** A page of a built site and its HTML. */
export interface BuiltPage {
  page: string;
  html: string;
}

/**
 * The pages of a built site with their HTML, `size` at a time, in the order of `builtPages` (or
 * of `pages`, when the caller listed them already): read together, so the reader is never idle
 * between pages, and never all held at once.
 */
export async function* pagesInBatches(dir: string, size: number, listed?: readonly string[]): AsyncGenerator<BuiltPage[]> {
  const pages = listed ?? (await builtPages(dir));
  for (let start = 0; start < pages.length; start += size) {
    const batch = pages.slice(start, start + size);
    const texts = await Promise.all(batch.map((page) => readFile(path.join(dir, page), 'utf8')));
    yield batch.map((page, at) => ({ page, html: texts[at]! }));
  }
}

/** The text files of a built site (images, fonts and WebAssembly left out), as `builtFiles` lists them. */
export async function textFiles(dir: string): Promise<string[]> {
  return (await builtFiles(dir)).filter((file) => !binary.test(file));
}

/** The text of one file of a built site, Pagefind's files inflated. */
export async function readBuiltText(dir: string, file: string): Promise<string> {
  const bytes = await readFile(path.join(dir, file));
  return (gzipped.test(file) ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A text file of a built site and its text. */
export interface OutputText {
  file: string;
  text: string;
}

/** Every text file of a built site with its text, all in memory: for tests that search a small site. */
export async function outputTexts(dir: string): Promise<OutputText[]> {
  return Promise.all((await textFiles(dir)).map(async (file) => ({ file, text: await readBuiltText(dir, file) })));
}
