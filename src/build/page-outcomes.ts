import type { HiddenTerm } from '../audience/hidden-terms.ts';
import type { Leak, LeakFinder } from '../audience/leak-audit.ts';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { isRecord } from '../catalog/is-record.ts';
import { publishedPage, type PagePolicy } from '../publish/content-security.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import type { Synonyms } from '../search/synonyms.ts';
import { readRenderedPage, type PageLinks } from './page-links.ts';

/** What the build makes of one rendered page: its policy, the hidden terms found in it as published, and its anchors and links for the link check. */
export interface PageOutcome {
  policy: PagePolicy;
  leaks: Leak[];
  links: PageLinks;
}

/** How each page's policy is made: the origins it may call, and the policy of its HTML (PolicyWriter, or the same from known origins). */
export interface PagePolicies {
  originsOf(page: string): string[];
  policyOf(page: string, html: string): PagePolicy;
}

/**
 * Each page's outcome, from the cache when the page's rendered bytes, the origins its policy
 * allows and the hidden terms are those of an entry, else computed (and kept). What the cache
 * gives is what computing gives: both are functions of those inputs and of the code in the key.
 */
export class PageOutcomes {
  private readonly folder: CacheFolder | undefined;
  private readonly policy: PagePolicies;
  private readonly findLeaks: LeakFinder;
  private readonly hiddenDigest: string;
  private readonly synonyms: Synonyms | undefined;

  constructor(folder: CacheFolder | undefined, policy: PagePolicies, findLeaks: LeakFinder, hidden: readonly HiddenTerm[], synonyms?: Synonyms) {
    this.folder = folder;
    this.policy = policy;
    this.findLeaks = findLeaks;
    this.hiddenDigest = JSON.stringify(hidden);
    this.synonyms = synonyms;
  }

  /**
   * The outcome of `page` (its rendered `html` has the sha256 `sha`), the page as published, whether
   * the outcome came from the cache, and, when the page was read for its links, what the search
   * index reads of it (the same parse makes both).
   */
  outcomeOf(page: string, html: string, sha: string): { outcome: PageOutcome; published: string; cached: boolean; indexed?: string } {
    const key = this.folder && outputKey('page-outcome', page, sha, this.policy.originsOf(page).join(' '), this.hiddenDigest);
    const [kept] = (key && this.folder?.read(key, 1)) || [];
    if (isOutcome(kept)) {
      const leaks = kept.leaks.map(({ term, why }) => ({ file: page, term, why }));
      return { outcome: { policy: kept.policy, leaks, links: kept.links }, published: publishedPage(html, kept.policy), cached: true };
    }
    const policy = this.policy.policyOf(page, html);
    const published = publishedPage(html, policy);
    const { links, indexed } = readRenderedPage(html, this.synonyms ? { synonyms: this.synonyms } : {});
    const outcome = { policy, leaks: this.findLeaks(page, published), links };
    if (key) this.folder?.write(key, [{ policy, leaks: outcome.leaks.map(({ term, why }) => ({ term, why })), links }]);
    return { outcome, published, cached: false, indexed };
  }
}

function isOutcome(value: unknown): value is { policy: PagePolicy; leaks: { term: string; why: string }[]; links: PageLinks } {
  if (!isRecord(value) || !isRecord(value['policy']) || !Array.isArray(value['leaks']) || !isRecord(value['links'])) return false;
  const { policy, links } = value;
  return (
    typeof policy['at'] === 'number' &&
    typeof policy['meta'] === 'string' &&
    Array.isArray(policy['hashes']) &&
    Array.isArray(policy['origins']) &&
    isStrings(links['anchors']) &&
    isStrings(links['links'])
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
