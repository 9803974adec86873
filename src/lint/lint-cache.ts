import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CacheFolder, type CacheOptions } from '../catalog/cache/cache-folder.ts';
import type { CacheStats } from '../catalog/cache/contract-cache.ts';
import { codeFingerprint, portolanRoot } from '../catalog/cache/portolan-version.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import { isConfined } from '../catalog/contracts/ref-guard.ts';
import { keepOutcome, restoreOutcome } from './kept-outcome.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';

const spectralPackages = ['spectral-core', 'spectral-rulesets', 'spectral-owasp-ruleset', 'spectral-functions', 'spectral-parsers', 'spectral-ref-resolver'];

let versions: string | undefined;

/** The versions of Spectral and its rulesets: a new ruleset release finds other things. */
function spectralVersions(): string {
  versions ??= spectralPackages
    .map((name) => {
      try {
        return `${name}@${(JSON.parse(readFileSync(path.join(portolanRoot, 'node_modules/@stoplight', name, 'package.json'), 'utf8')) as { version: string }).version}`;
      } catch {
        return `${name}@?`;
      }
    })
    .join(' ');
  return versions;
}

/**
 * Lint outcomes by content, in the cache folder's lint/ part. The key holds the job (its plan is
 * the ruleset's content), the contract file's hash, Spectral's versions and the code of src/lint;
 * an entry lists the other files the contract's $refs read, and a lookup checks their hashes.
 */
export class LintCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly folder: CacheFolder;
  private readonly hashes = new Map<string, string | null>();

  constructor(options: CacheOptions) {
    this.folder = new CacheFolder(options, 'lint');
  }

  /** The job's key, and its cached outcome when every file it read is unchanged. */
  lookUp(job: LintJob): { key?: string; outcome?: LintOutcome } {
    const contractHash = this.hashOf(job.root, job.contractFile);
    if (contractHash === null) {
      this.stats.misses++;
      return {};
    }
    const key = sha256(JSON.stringify([codeFingerprint(['src/lint']), spectralVersions(), job, contractHash]));
    const [kept] = this.folder.read(key, 1) ?? [];
    const outcome = restoreOutcome(kept);
    if (outcome && outcome.reads.every(([file, hash]) => this.hashOf(job.root, file) === hash)) {
      this.stats.hits++;
      return { key, outcome };
    }
    this.stats.misses++;
    return { key };
  }

  /**
   * What `make` gives for `inputs`, kept under them with the code of src/lint and Spectral's
   * versions: the ruleset read (reading one loads Spectral, which a run whose contracts are all
   * cached need not), the contract every api.yaml names (parsing 1,000 of them is most of such a run).
   */
  async kept<T>(inputs: unknown, isValid: (value: unknown) => value is T, make: () => T | Promise<T>): Promise<T> {
    const key = sha256(JSON.stringify([codeFingerprint(['src/lint']), spectralVersions(), inputs]));
    const [known] = this.folder.read(key, 1) ?? [];
    if (isValid(known)) return known;
    const made = await make();
    this.folder.write(key, [made]);
    return made;
  }

  /** Records a file's text read by the caller, so a lookup does not read it again. */
  knowText(root: string, file: string, text: string): void {
    this.hashes.set(path.join(root, file), sha256(text));
  }

  /** Keeps an outcome, unless it is a failure or a file changed while it ran. */
  store(job: LintJob, key: string, outcome: LintOutcome): void {
    if (outcome.reads.length === 0 || outcome.diagnostics.some((d) => d.code === 'internal/error')) return;
    if (outcome.reads.some(([file, hash]) => this.hashOf(job.root, file) !== hash)) return;
    const kept = keepOutcome(outcome);
    if (kept) this.folder.write(key, [kept]);
  }

  prune(): void {
    this.folder.prune();
  }

  private hashOf(root: string, file: string): string | null {
    const absolute = path.join(root, file);
    let hash = this.hashes.get(absolute);
    if (hash === undefined) {
      try {
        hash = isConfined(absolute, root) ? sha256(readFileSync(absolute, 'utf8')) : 'outside';
      } catch {
        hash = null;
      }
      this.hashes.set(absolute, hash);
    }
    return hash;
  }
}
