import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HiddenTerm } from '../audience/hidden-terms.ts';
import { leakFinder, type Leak } from '../audience/leak-audit.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { GlossaryTerm } from '../catalog/model.ts';
import { threadsFor, WorkerPool } from '../catalog/worker-pool.ts';
import type { PagePolicy, PolicyWriter } from '../publish/content-security.ts';
import { pagesSentAtOnce } from '../search/pagefind-index.ts';
import { SearchInputs } from '../search/search-inputs.ts';
import { compileSynonyms } from '../search/synonyms.ts';
import { builtPages, pagesInBatches } from '../site/built-files.ts';
import type { BuildCaches } from './build-caches.ts';
import { LinkCheck } from './link-check.ts';
import type { PageJob, PageJobOutcome, PageRead, PageSetup } from './page-job.ts';
import { PageOutcomes } from './page-outcomes.ts';
import { SearchFeed } from './search-feed.ts';

/** What is done with each page as it is read. */
export interface PageWork {
  policy: PolicyWriter;
  hidden: readonly HiddenTerm[];
  caches: BuildCaches | undefined;
  /** The base path the site is served under, which its links are read against. */
  base: string;
  /** The glossary, whose synonyms are added to what the index reads of each page. */
  glossary: GlossaryTerm[];
}

/** From this many pages the pass reads them in worker threads: below, starting the workers costs more than they save. */
export const workersFrom = 300;
/** The worker threads that read `pages` pages: PORTOLAN_PAGE_THREADS whatever the size (0: this thread reads them), else none below `workersFrom`, else one a core, up to 4. */
export function pageThreads(pages: number): number {
  const chosen = process.env['PORTOLAN_PAGE_THREADS'];
  if (chosen !== undefined && /^\d+$/.test(chosen)) return Number(chosen);
  return pages < workersFrom ? 0 : threadsFor(pages, workersFrom);
}

/** Pages a worker reads for one message: fewer messages, and still a steady feed for the index. */
const pagesPerJob = 16;
/** The longest one job may take: 16 pages are read in well under a second. */
const jobTimeoutMs = 120_000;

/** The page workers; none kept between builds. A job that fails fails the pass. */
const pagePool = new WorkerPool<PageJob, PageJobOutcome>({
  script: new URL('./page-worker.ts', import.meta.url),
  keptIdle: 0,
  failed: (_job, failure) => ({
    pages: [],
    failure:
      failure.kind === 'failed'
        ? failure.reason
        : failure.kind === 'timeout'
          ? `it took more than ${failure.timeoutMs / 1000} s`
          : 'its worker ran out of memory',
  }),
});

/** The pages read, what the audit found in them, their links (to check once every file is written), and the search index they are fed to (to write, then close). */
export interface PagesPassed {
  pages: string[];
  leaks: Leak[];
  links: LinkCheck;
  search: SearchFeed;
}

/**
 * Reads each rendered page once: the policy is written into it, the audit searches it as
 * published, its links are taken for the link check, and the search index is offered the page as
 * rendered (search-feed.ts). From `workersFrom` pages, worker threads read them and this thread
 * only feeds Pagefind, which reads in its own process; below, this thread reads a batch while
 * Pagefind reads the one before. A page whose rendered bytes the cache knows takes its policy,
 * leaks and links from there. Pages are offered to the index in the order of `builtPages`
 * whatever thread read them. Call `search.close()` once done, whatever happened.
 */
export async function passOverPages(siteDir: string, work: PageWork): Promise<PagesPassed> {
  const pages = await builtPages(siteDir);
  const threads = pageThreads(pages.length);
  const synonyms = compileSynonyms(work.glossary);
  const inputs = new SearchInputs(work.caches?.searchInputs, synonyms);
  const search = new SearchFeed(inputs, work.caches?.index);
  const passed: PagesPassed = { pages: [], leaks: [], links: new LinkCheck(work.base), search };
  const take: Take = async (read) => {
    const { page, sha, outcome } = read;
    work.policy.collect(outcome.policy);
    passed.leaks.push(...outcome.leaks);
    passed.links.add(page, outcome.links);
    const rendered = () => renderedAgain(path.join(siteDir, page), outcome.policy);
    await search.offer({ page, sha }, rendered, read.cached, read.input);
    passed.pages.push(page);
  };
  try {
    if (threads > 0) await readInWorkers(siteDir, pages, work, threads, take, search);
    else await readHere(siteDir, pages, work, inputs, take, search);
  } catch (error) {
    await search.close();
    throw error;
  }
  return passed;
}

/** What is done with each page read, in page order. */
type Take = (read: PageRead) => Promise<void>;

/** The pages read in this thread, a batch at a time, while Pagefind reads the batch before in its own process. */
async function readHere(siteDir: string, pages: readonly string[], work: PageWork, inputs: SearchInputs, take: Take, search: SearchFeed): Promise<void> {
  const outcomes = new PageOutcomes(work.caches?.pages, work.policy, leakFinder(work.hidden), work.hidden, inputs.synonyms);
  for await (const batch of pagesInBatches(siteDir, pagesSentAtOnce, pages)) {
    for (const { page, html } of batch) {
      const sha = sha256(html);
      const { outcome, published, cached, indexed } = outcomes.outcomeOf(page, html, sha);
      await writeFile(path.join(siteDir, page), published);
      await take({ page, sha, outcome, cached, ...(indexed === undefined ? {} : { input: inputs.keep(sha, indexed) }) });
    }
    await search.drain();
  }
}

/**
 * The pages read in worker threads (page-job.ts), a few to a job, and taken here in page order
 * as their jobs end: this thread only feeds the index, which Pagefind reads in its own process.
 */
async function readInWorkers(siteDir: string, pages: string[], work: PageWork, threads: number, take: Take, search: SearchFeed): Promise<void> {
  const setup: PageSetup = {
    id: randomUUID(),
    siteDir,
    hidden: [...work.hidden],
    glossary: work.glossary,
    cache: work.caches && { pages: work.caches.pages.dir, searchInputs: work.caches.searchInputs.dir },
  };
  const jobs: PageJob[] = [];
  for (let start = 0; start < pages.length; start += pagesPerJob)
    jobs.push({ setup, pages: pages.slice(start, start + pagesPerJob).map((page) => ({ page, origins: work.policy.originsOf(page) })) });
  const ended = jobs.map(() => Promise.withResolvers<PageJobOutcome>());
  // Observed at once: once one job failed, the loop below awaits none of the others.
  for (const { promise } of ended) promise.catch(() => undefined);
  const running = pagePool.run(jobs, { threads, timeoutMs: jobTimeoutMs, onOutcome: (index, outcome) => ended[index]!.resolve(outcome) });
  // A pool that could not start its workers ends every job left, so the loop below never waits forever.
  const settled = running.then(
    () => ended.forEach(({ resolve }) => resolve({ pages: [], failure: 'the page workers ended before this job' })),
    (error: unknown) => ended.forEach(({ reject }) => reject(error)),
  );
  try {
    for (const [index, { promise }] of ended.entries()) {
      const outcome = await promise;
      if (outcome.failure !== undefined) throw new Error(`the pages from ${jobs[index]!.pages[0]!.page} could not be read: ${outcome.failure}`);
      for (const read of outcome.pages) await take(read);
      if ((index + 1) % (pagesSentAtOnce / pagesPerJob) === 0) await search.drain();
    }
  } finally {
    await settled.catch(() => undefined);
  }
}

/** A page as rendered, read back from its published file: the policy's meta element taken out. */
async function renderedAgain(file: string, policy: PagePolicy): Promise<string> {
  const published = await readFile(file, 'utf8');
  return `${published.slice(0, policy.at)}${published.slice(policy.at + policy.meta.length)}`;
}
