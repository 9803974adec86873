import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Audience } from '../audience/filter.ts';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { codeFingerprint } from '../catalog/cache/portolan-version.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { isRecord } from '../catalog/is-record.ts';
import { fileStats, type FileStat } from './file-stats.ts';

/** What decides a build's output, besides the files: its options. */
export interface StampedOptions {
  catalog: string;
  content: string;
  audience: Audience | undefined;
  base: string;
  site: string | undefined;
}

/** What a build made, and from what: kept in the cache, per output folder. */
export interface BuildStamp {
  /** The digest of the inputs' description (inputsOf). */
  inputs: string;
  /** When the build read its inputs: a file written in the second before could hide a change (its time's granularity). */
  startedAt: number;
  outputs: FileStat[];
  warnings: Diagnostic[];
  audience: Audience;
  apis: number;
}

/** Files changed this close before a build are not trusted by their stats: a file system may keep times by the second. */
const racyMs = 2000;

/**
 * The inputs of a build, described cheaply: the stats of every file of the catalogue and the
 * content folder, the catalogue's git commit (the pages' dates and edit links come from its
 * history), the code (src/, public/, the Astro configuration, the packages, Node) and the
 * options. Undefined when a folder cannot be described so (a link to a folder in it).
 */
export function inputsOf(options: StampedOptions): { digest: string; newestMs: number } | undefined {
  const [catalog, content] = [fileStats(options.catalog), fileStats(options.content)];
  if (!catalog || !content) return undefined;
  const described = [
    codeFingerprint(['src', 'public', 'astro.config.mjs']),
    JSON.stringify({ ...options, catalog: path.resolve(options.catalog), content: path.resolve(options.content) }),
    gitCommit(options.catalog),
    JSON.stringify(catalog),
    JSON.stringify(content),
  ];
  // A loop, not Math.max(...times): a catalogue of 80,000 files would overflow the call stack.
  let newestMs = 0;
  for (const [, , mtime, ctime] of [...catalog, ...content]) newestMs = Math.max(newestMs, mtime, ctime);
  return { digest: sha256(described.join('\n')), newestMs };
}

/** The stamps of past builds, one entry per output folder. */
export class BuildStamps {
  private readonly folder: CacheFolder;

  constructor(folder: CacheFolder) {
    this.folder = folder;
  }

  /** The stamp of the build that made `out`, when its inputs are `inputs` and `out` still holds exactly what it wrote. */
  upToDate(out: string, inputs: { digest: string; newestMs: number }): BuildStamp | undefined {
    const [stamp] = this.folder.read(keyOf(out), 1) ?? [];
    if (!isStamp(stamp) || stamp.inputs !== inputs.digest || inputs.newestMs > stamp.startedAt - racyMs) return undefined;
    const outputs = fileStats(out);
    return outputs && JSON.stringify(outputs) === JSON.stringify(stamp.outputs) ? stamp : undefined;
  }

  /** Keeps what the build that just replaced `out` made, and from what. */
  record(out: string, stamp: Omit<BuildStamp, 'outputs'>): void {
    const outputs = fileStats(out);
    if (outputs) this.folder.write(keyOf(out), [{ ...stamp, outputs }]);
  }
}

function keyOf(out: string): string {
  return sha256(`build stamp\n${path.resolve(out)}`);
}

/** The commit the catalogue's work tree is at, or '' outside git. */
function gitCommit(catalog: string): string {
  try {
    return execFileSync('git', ['-C', catalog, 'rev-parse', 'HEAD', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function isStamp(value: unknown): value is BuildStamp {
  return (
    isRecord(value) &&
    typeof value['inputs'] === 'string' &&
    typeof value['startedAt'] === 'number' &&
    Array.isArray(value['outputs']) &&
    Array.isArray(value['warnings']) &&
    typeof value['audience'] === 'string' &&
    typeof value['apis'] === 'number'
  );
}
