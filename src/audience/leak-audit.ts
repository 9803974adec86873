import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import type { HiddenTerm } from './hidden-terms.ts';
import { readBuiltText, textFiles } from '../site/built-files.ts';

/** A hidden term found in an output file. */
export interface Leak extends HiddenTerm {
  /** Relative to the output folder. */
  file: string;
}

/** How many leaks one file reports: enough to see what it is, not a flood. */
const perFile = 5;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the hidden terms in one file's text: each as a whole word (a request path also right after a host), a few a file. */
export type LeakFinder = (file: string, text: string) => Leak[];

/** The finder of `hidden`: one pattern of every term, compiled once. */
export function leakFinder(hidden: readonly HiddenTerm[]): LeakFinder {
  if (hidden.length === 0) return () => [];
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
  return (file, text) => {
    const leaks: Leak[] = [];
    const seen = new Set<string>();
    for (const match of text.matchAll(pattern)) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      leaks.push({ file, term: match[0], why: why.get(match[0])! });
      if (seen.size >= perFile) break;
    }
    return leaks;
  };
}

/** Files of the site whose bytes the build knows (each with its sha256) without reading them, and the cache of what the audit found in such bytes. */
export interface KnownFiles {
  folder: CacheFolder;
  shas: ReadonlyMap<string, string>;
}

/**
 * Reads every file of a built site but those in `read` (pages the build already searched as it
 * wrote them), the search index inflated and source maps included, and returns where a hidden
 * term appears. The last check of a build: what it finds stops the build before its output
 * replaces the previous one. A file in `known` whose bytes and hidden terms are those of a cache
 * entry is not read: the entry says what searching it found.
 */
export async function auditOutput(dir: string, hidden: readonly HiddenTerm[], read: ReadonlySet<string> = new Set(), known?: KnownFiles): Promise<Leak[]> {
  if (hidden.length === 0) return [];
  const find = leakFinder(hidden);
  const hiddenDigest = JSON.stringify(hidden);
  const leaks: Leak[] = [];
  // One file at a time: a large site's text would not fit in memory at once.
  for (const file of await textFiles(dir)) {
    if (read.has(file)) continue;
    const sha = known?.shas.get(file);
    if (!known || sha === undefined) {
      leaks.push(...find(file, await readBuiltText(dir, file)));
      continue;
    }
    const key = outputKey('audit', hiddenDigest, file, sha);
    const [terms] = known.folder.read(key, 1) ?? [];
    if (Array.isArray(terms) && terms.every(isTermAndWhy)) {
      leaks.push(...terms.map(([term, why]) => ({ file, term, why })));
      continue;
    }
    const found = find(file, await readBuiltText(dir, file));
    known.folder.write(key, [found.map(({ term, why }) => [term, why])]);
    leaks.push(...found);
  }
  return sortLeaks(leaks);
}

function isTermAndWhy(value: unknown): value is [string, string] {
  return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string';
}

/** Leaks in file order, then term order: the same report whatever order they were found in. */
export function sortLeaks(leaks: readonly Leak[]): Leak[] {
  return [...leaks].sort((a, b) => a.file.localeCompare(b.file) || a.term.localeCompare(b.term));
}
