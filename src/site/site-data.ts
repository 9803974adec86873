import type { Api, Catalog, Contract } from '../catalog/model.ts';
import type { UsageRow } from '../catalog/model.ts';
import type { Scorecard } from '../governance/scorecard.ts';

/** The portal team's home page text, from content/index.md. */
export interface HomeContent {
  title?: string;
  tagline?: string;
  markdown: string;
}

/** Where a catalogue file can be edited, and when it (or its folder) last changed, from git. */
export interface SourceInfo {
  updated?: string;
  edit?: string;
}

/**
 * What every page may know of an API: what lists, tables, links and search facets show. The
 * rest (the contract's operations and schemas, the business text, the docs pages) is read only
 * by the API's own pages (ApiDetail), so a change there re-renders that API's pages alone.
 */
export type ApiSummary = Pick<
  Api,
  'id' | 'name' | 'summary' | 'type' | 'lifecycle' | 'audience' | 'domain' | 'service' | 'owner' | 'consumers' | 'dependsOn' | 'deprecation' | 'replaces'
> & {
  contract: Pick<Contract, 'format' | 'specVersion' | 'title' | 'version'>;
  /** Whether it has the interactive reference (try-it.ts). */
  tryIt: boolean;
  /** The slugs of its docs pages. */
  docs: string[];
  /** The slugs of its pages of operations by tag, when its contract is split (operation-pages.ts). */
  operationPages: string[];
};

/** The catalogue as every page reads it: each API as its summary. */
export type SiteCatalog = Omit<Catalog, 'apis'> & { apis: ApiSummary[] };

/** Everything every Astro page may present: the audience's catalogue in summary and the portal's own content. */
export interface SiteData {
  catalog: SiteCatalog;
  home: HomeContent;
  /** Keyed by catalogue-relative source file: domain.yaml and service.yaml files (an API's are in its ApiDetail). */
  sources: Record<string, SourceInfo>;
}

/** What an API's own pages read besides the site data: the API in full, and its files' sources. */
export interface ApiDetail {
  api: Api;
  /** Keyed by catalogue-relative source file: its api.yaml and docs pages. */
  sources: Record<string, SourceInfo>;
  /** Its scorecard, in the builds portal.yaml's `scorecard.audience` reaches (internal by default). */
  scorecard?: Scorecard;
  /** The gateway's figures for it, per consumer and month, newest first: internal builds only. */
  usage?: UsageRow[];
}

/** The APIs the home page lists as recently updated, newest first. */
export type RecentUpdates = { id: string; updated: string }[];
