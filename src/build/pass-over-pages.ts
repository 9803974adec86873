import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HiddenTerm } from '../audience/hidden-terms.ts';
import { leakFinder, type Leak } from '../audience/leak-audit.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { PagePolicy, PolicyWriter } from '../publish/content-security.ts';
import { pagesSentAtOnce } from '../search/pagefind-index.ts';
import { SearchInputs } from '../search/search-inputs.ts';
import type { Synonyms } from '../search/synonyms.ts';
import { pagesInBatches } from '../site/built-files.ts';
import type { BuildCaches } from './build-caches.ts';
import { LinkCheck } from './link-check.ts';
import { PageOutcomes } from './page-outcomes.ts';
import { SearchFeed } from './search-feed.ts';

/** What is done with each page as it is read. */
export interface PageWork {
  policy: PolicyWriter;
  hidden: readonly HiddenTerm[];
  caches: BuildCaches | undefined;
  /** The base path the site is served under, which its links are read against. */
  base: string;
  /** The glossary's synonyms, added to what the index reads of each page. */
  synonyms?: Synonyms;
}

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
 * rendered (search-feed.ts). Pagefind
 * reads a batch in its own process while this one writes and audits the same batch, so both
 * cores work. A page whose rendered bytes the cache knows takes its policy, leaks and links from there.
 * Call `search.close()` once done, whatever happened.
 */
export async function passOverPages(siteDir: string, work: PageWork): Promise<PagesPassed> {
  const outcomes = new PageOutcomes(work.caches?.pages, work.policy, leakFinder(work.hidden), work.hidden, work.synonyms);
  const search = new SearchFeed(new SearchInputs(work.caches?.searchInputs, work.synonyms), work.caches?.index);
  const pages: string[] = [];
  const leaks: Leak[] = [];
  const links = new LinkCheck(work.base);
  try {
    for await (const batch of pagesInBatches(siteDir, pagesSentAtOnce)) {
      for (const { page, html } of batch) {
        const sha = sha256(html);
        const { outcome, published, cached, indexed } = outcomes.outcomeOf(page, html, sha);
        work.policy.collect(outcome.policy);
        leaks.push(...outcome.leaks);
        links.add(page, outcome.links);
        const file = path.join(siteDir, page);
        await writeFile(file, published);
        await search.offer({ page, sha }, indexed ?? html, () => renderedAgain(file, outcome.policy), cached, indexed !== undefined);
        pages.push(page);
      }
      await search.drain();
    }
  } catch (error) {
    await search.close();
    throw error;
  }
  return { pages, leaks, links, search };
}

/** A page as rendered, read back from its published file: the policy's meta element taken out. */
async function renderedAgain(file: string, policy: PagePolicy): Promise<string> {
  const published = await readFile(file, 'utf8');
  return `${published.slice(0, policy.at)}${published.slice(policy.at + policy.meta.length)}`;
}
