import type { Catalog } from '../catalog/model.ts';

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

/** Everything the Astro pages present: the audience-filtered catalogue and the portal's own content. */
export interface SiteData {
  catalog: Catalog;
  home: HomeContent;
  /** Keyed by catalogue-relative source file (api.yaml, domain.yaml, service.yaml, docs pages). */
  sources: Record<string, SourceInfo>;
}
