import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractJob, ContractOutcome } from '../contracts/contract-job.ts';
import { isConfined } from '../contracts/ref-guard.ts';
import { isRecord } from '../is-record.ts';
import type { Contract } from '../model.ts';
import { CacheFolder, type CacheOptions } from './cache-folder.ts';
import type { LazyPart } from './entry-file.ts';
import { readJobInputs, type JobInputs } from './job-inputs.ts';
import { withLazyDocument } from './lazy-document.ts';
import { sha256 } from './read-log.ts';

export type { CacheOptions } from './cache-folder.ts';

/** How many contract jobs a load took from the cache, and how many it ran. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * An entry's first part: the diagnostics, and every other file the job read with its hash (null:
 * unreadable), and whether the contract has a document. The second part is the contract without
 * its document (null when there is none), read only when wanted; the third its document, decoded
 * only when read (lazy-document.ts).
 */
interface Head {
  diagnostics: ContractOutcome['diagnostics'];
  deps: [string, string | null][];
  shape?: ContractOutcome['shape'];
  document?: true;
}

/**
 * Outcomes that depend on more than the files read: the machine's load and the time budget, a
 * bug, or where a symbolic link points (a $ref through a link that leaves the catalogue is
 * refused without reading the file). They are recomputed every time.
 */
const notKept = new Set(['contract/timeout', 'contract/out-of-memory', 'internal/error', 'ref/outside-catalogue']);

/** A folder of contract outcomes, one file per key; entries are verified when read and written atomically. */
export class ContractCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly folder: CacheFolder;
  private readonly withContracts: boolean;
  /** The hash of each referenced file, once per load: a schema file shared by many contracts is read once. */
  private readonly depHashes = new Map<string, string | null>();

  /** With `withContracts` false, a hit gives the diagnostics only, and the contracts are neither verified nor parsed. */
  constructor(options: CacheOptions, withContracts: boolean) {
    this.folder = new CacheFolder(options);
    this.withContracts = withContracts;
  }

  /** The job's inputs, with its cached outcome when an entry for them exists and every file it read is unchanged. */
  lookUp(job: ContractJob): { inputs?: JobInputs; outcome?: ContractOutcome } {
    const inputs = readJobInputs(job);
    const outcome = inputs && this.read(job, inputs.key);
    if (outcome) this.stats.hits++;
    else this.stats.misses++;
    return { ...(inputs ? { inputs } : {}), ...(outcome ? { outcome } : {}) };
  }

  /** Keeps a job's outcome, when it is the outcome of the inputs its key was made from. */
  store(inputs: JobInputs, outcome: ContractOutcome): void {
    if (!this.folder.canWrite || !outcome.reads || outcome.diagnostics.some((d) => notKept.has(d.code))) return;
    // The job read the files itself: one that changed since the key was made gives another outcome.
    if (outcome.reads.some(([file, hash]) => inputs.files.has(file) && inputs.files.get(file) !== hash)) return;
    const { document, ...contract } = outcome.contract ?? {};
    const head: Head = {
      diagnostics: outcome.diagnostics,
      deps: outcome.reads.filter(([file]) => !inputs.files.has(file)),
      ...(outcome.shape ? { shape: outcome.shape } : {}),
      ...(document !== undefined ? { document: true } : {}),
    };
    this.folder.write(inputs.key, [head, outcome.contract ? contract : null, document ?? null]);
  }

  private read(job: ContractJob, key: string): ContractOutcome | undefined {
    const [head, contract, document] = this.folder.read(key, this.withContracts ? 3 : 1, 2) ?? [];
    if (!isHead(head)) return undefined;
    const unchanged = head.deps.every(([file, hash]) => this.depHash(job.root, file) === hash);
    if (!unchanged) return undefined;
    const kept = contract && head.document ? withLazyDocument(contract as Contract, document as LazyPart) : (contract as Contract | null);
    return { diagnostics: head.diagnostics, ...(head.shape ? { shape: head.shape } : {}), ...(kept ? { contract: kept } : {}) };
  }

  /** Removes what is stale, once the load is done; nothing when the folder cannot be written. */
  prune(): void {
    this.folder.prune();
  }

  /** A referenced file's hash now; one reached through a link that leaves the catalogue matches nothing. */
  private depHash(root: string, file: string): string | null {
    const absolute = path.join(root, file);
    let hash = this.depHashes.get(absolute);
    if (hash === undefined) {
      hash = isConfined(absolute, root) ? hashOf(absolute) : 'outside';
      this.depHashes.set(absolute, hash);
    }
    return hash;
  }
}

function hashOf(absolute: string): string | null {
  try {
    return sha256(readFileSync(absolute));
  } catch {
    return null;
  }
}

function isHead(value: unknown): value is Head {
  return isRecord(value) && Array.isArray(value['deps']) && Array.isArray(value['diagnostics']);
}
