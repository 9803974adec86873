import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Leak, LeakFinder } from '../audience/leak-audit.ts';
import type { PolicyWriter } from '../publish/content-security.ts';
import { pagesSentAtOnce, type SearchIndex } from '../search/pagefind-index.ts';
import { pagesInBatches } from '../site/built-files.ts';

/** What is done with each page as it is read. */
export interface PageWork {
  index: SearchIndex;
  policy: PolicyWriter;
  findLeaks: LeakFinder;
}

/** The pages read, and what the audit found in them. */
export interface PagesPassed {
  pages: string[];
  leaks: Leak[];
}

/**
 * Reads each rendered page once: the search index is fed the page as rendered, the policy is
 * written into it, and the audit searches it as published. Pagefind reads a batch in its own
 * process while this one writes the policies and audits the same batch, so both cores work.
 */
export async function passOverPages(siteDir: string, work: PageWork): Promise<PagesPassed> {
  const pages: string[] = [];
  const leaks: Leak[] = [];
  for await (const batch of pagesInBatches(siteDir, pagesSentAtOnce)) {
    const indexed = Promise.all(batch.map(({ page, html }) => work.index.add(page, html)));
    // Handled at once, so a failing index never leaves a rejection unobserved while the batch is written.
    indexed.catch(() => undefined);
    for (const { page, html } of batch) {
      const published = work.policy.apply(page, html);
      leaks.push(...work.findLeaks(page, published));
      await writeFile(path.join(siteDir, page), published);
      pages.push(page);
    }
    await indexed;
  }
  return { pages, leaks };
}
