import type { Catalog } from '../catalog/model.ts';

/** The portal team's home page text, from content/index.md. */
export interface HomeContent {
  title?: string;
  tagline?: string;
  markdown: string;
}

/** Everything the Astro pages present: the audience-filtered catalogue and the portal's own content. */
export interface SiteData {
  catalog: Catalog;
  home: HomeContent;
}
