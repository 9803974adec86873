import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HiddenTerm } from '../audience/hidden-terms.ts';
import { leakFinder } from '../audience/leak-audit.ts';
import { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { GlossaryTerm } from '../catalog/model.ts';
import { pagePolicy } from '../publish/content-security.ts';
import { SearchInputs } from '../search/search-inputs.ts';
import { compileSynonyms } from '../search/synonyms.ts';
import { PageOutcomes, type PageOutcome, type PagePolicies } from './page-outcomes.ts';

/** What every page of a pass shares: the site, the hidden terms, the glossary and the cache's folders (build-caches.ts). */
export interface PageSetup {
  /** Tells one pass's setup from another's, so a worker makes its outcomes, finder and synonyms once a pass. */
  id: string;
  siteDir: string;
  hidden: HiddenTerm[];
  glossary: GlossaryTerm[];
  /** The folders of the page outcomes and of the search inputs; undefined without a cache. */
  cache: { pages: string; searchInputs: string } | undefined;
}

/** A few pages of the site to read, each with the origins its policy lets it call. */
export interface PageJob {
  setup: PageSetup;
  pages: { page: string; origins: string[] }[];
}

/** One page read: its sha256, outcome and whether it came from the cache, and, when it did not, what the index reads of it (kept in the cache already). */
export interface PageRead {
  page: string;
  sha: string;
  outcome: PageOutcome;
  cached: boolean;
  input?: string;
}

/** The pages of a job, in its order; or why they could not be read. */
export interface PageJobOutcome {
  pages: PageRead[];
  failure?: string;
}

/** The origins each page of the job being read may call: the policies below read them. */
const originsOf = new Map<string, string[]>();
const policies: PagePolicies = {
  originsOf: (page) => originsOf.get(page) ?? [],
  policyOf: (page, html) => pagePolicy(page, html, originsOf.get(page) ?? []),
};
/** What a pass's pages share, made for its first job in this thread. */
let made: { id: string; outcomes: PageOutcomes; inputs: SearchInputs } | undefined;

/**
 * Reads each page of the job as the pages pass does in its own thread (pass-over-pages.ts): its
 * outcome from the cache or computed, the page written back with its policy, and what the index
 * reads of it kept in the cache. The origins come with the job, so the policy is PolicyWriter's.
 */
export async function runPageJob(job: PageJob): Promise<PageJobOutcome> {
  const { setup } = job;
  originsOf.clear();
  for (const { page, origins } of job.pages) originsOf.set(page, origins);
  if (made?.id !== setup.id) {
    const synonyms = compileSynonyms(setup.glossary);
    const folder = (dir: string | undefined) => (dir ? new CacheFolder({ dir }) : undefined);
    made = {
      id: setup.id,
      outcomes: new PageOutcomes(folder(setup.cache?.pages), policies, leakFinder(setup.hidden), setup.hidden, synonyms),
      inputs: new SearchInputs(folder(setup.cache?.searchInputs), synonyms),
    };
  }
  const read: PageRead[] = [];
  for (const { page } of job.pages) {
    const file = path.join(setup.siteDir, page);
    const html = await readFile(file, 'utf8');
    const sha = sha256(html);
    const { outcome, published, cached, indexed } = made.outcomes.outcomeOf(page, html, sha);
    await writeFile(file, published);
    read.push({ page, sha, outcome, cached, ...(indexed === undefined ? {} : { input: made.inputs.keep(sha, indexed) }) });
  }
  return { pages: read };
}
