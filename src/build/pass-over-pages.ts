import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Leak, LeakFinder } from '../audience/leak-audit.ts';
import type { PolicyWriter } from '../publish/content-security.ts';
import { pagesSentAtOnce, type SearchIndex } from '../search/pagefind-index.ts';
import { builtPages } from '../site/built-files.ts';

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
  const pages = await builtPages(siteDir);
  const leaks: Leak[] = [];
  for (let start = 0; start < pages.length; start += pagesSentAtOnce) {
    const batch = pages.slice(start, start + pagesSentAtOnce);
    const contents = await Promise.all(batch.map((page) => readFile(path.join(siteDir, page), 'utf8')));
    const indexed = Promise.all(batch.map((page, at) => work.index.add(page, contents[at]!)));
    // Handled at once, so a failing index never leaves a rejection unobserved while the batch is written.
    indexed.catch(() => undefined);
    for (const [at, page] of batch.entries()) {
      const published = work.policy.apply(page, contents[at]!);
      leaks.push(...work.findLeaks(page, published));
      await writeFile(path.join(siteDir, page), published);
    }
    await indexed;
  }
  return { pages, leaks };
}
