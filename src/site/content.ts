import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';
import { parse } from 'yaml';
import { sortGuides } from './guide-order.ts';
import { guideFrontMatter } from './guide-schema.ts';
import type { HomeContent } from './site-data.ts';

/** A guide of content/guides as the build lists it outside the pages (llms.txt): what its front matter says. */
export interface GuideSummary {
  /** The slug of its page, `/guides/<slug>/`, as the guides collection names it. */
  slug: string;
  title: string;
  description?: string;
  order: number;
}

/** Reads content/index.md: optional YAML front matter (title, tagline) and Markdown. */
export async function readHomeContent(contentDir: string): Promise<HomeContent> {
  const text = await readFile(path.join(contentDir, 'index.md'), 'utf8').catch(() => '');
  const { front, body } = splitFrontMatter(text);
  return {
    ...(typeof front['title'] === 'string' ? { title: front['title'] } : {}),
    ...(typeof front['tagline'] === 'string' ? { tagline: front['tagline'] } : {}),
    markdown: body,
  };
}

/**
 * Reads the front matter of content/guides/*.md(x), in the order the portal shows them (their
 * `order`, then slug). A guide whose front matter is wrong is left out here: the render reports it.
 */
export async function readGuides(contentDir: string): Promise<GuideSummary[]> {
  const folder = path.join(contentDir, 'guides');
  const files = (await readdir(folder).catch(() => [])).filter((file) => /\.mdx?$/.test(file));
  const guides = await Promise.all(
    files.map(async (file): Promise<GuideSummary[]> => {
      const { front } = splitFrontMatter(await readFile(path.join(folder, file), 'utf8'));
      const parsed = guideFrontMatter.safeParse(front);
      return parsed.success ? [{ slug: guideSlug(file, front), ...parsed.data }] : [];
    }),
  );
  return sortGuides(guides.flat(), (guide) => guide);
}

/** The id Astro's glob loader gives a guide: its `slug` front matter, else its file name without the extension, slugged as Astro does. */
function guideSlug(file: string, front: Record<string, unknown>): string {
  if (typeof front['slug'] === 'string' && front['slug']) return front['slug'];
  return slug(file.replace(/\.mdx?$/, ''));
}

function splitFrontMatter(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { front: {}, body: text };
  const front = parse(match[1]!) ?? {};
  return { front: typeof front === 'object' && !Array.isArray(front) ? (front as Record<string, unknown>) : {}, body: text.slice(match[0].length) };
}
