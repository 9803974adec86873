import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';
import { parse } from 'yaml';
import type { Diagnostic, StageResult } from '../catalog/diagnostics.ts';
import type { Audience } from '../catalog/model.ts';
import { isRecord } from '../catalog/is-record.ts';
import { readYaml, type SourceDocument } from '../catalog/read-yaml.ts';
import { validateDocument } from '../catalog/validate.ts';
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
  /** Who it is for: builds for narrower audiences leave it out. */
  audience: Audience;
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
 * `order`, then slug). A guide whose front matter is wrong is left out, with a diagnostic at the
 * value; diagnostics name files from `relativeTo` (the catalogue, as every other diagnostic does).
 */
export async function readGuides(contentDir: string, relativeTo = contentDir): Promise<StageResult<GuideSummary[]>> {
  const folder = path.join(contentDir, 'guides');
  const files = (await readdir(folder).catch(() => [])).filter((file) => /\.mdx?$/.test(file)).sort();
  const read = await Promise.all(
    files.map(async (file): Promise<StageResult<GuideSummary[]>> => {
      const name = path.relative(relativeTo, path.join(folder, file)).split(path.sep).join('/');
      const text = await readFile(path.join(folder, file), 'utf8');
      const { front, offset } = frontMatterOf(name, text);
      const shifted = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ ...d, line: d.line + offset }));
      if (!front.value) return { value: [], diagnostics: shifted(front.diagnostics) };
      const checked = validateDocument(guideFrontMatter, front.value);
      const diagnostics = shifted([...front.diagnostics, ...checked.diagnostics]);
      return { value: checked.value ? [{ slug: guideSlug(file, front.value.value), ...checked.value }] : [], diagnostics };
    }),
  );
  return {
    value: sortGuides(
      read.flatMap((r) => r.value),
      (guide) => guide,
    ),
    diagnostics: read.flatMap((r) => r.diagnostics),
  };
}

/** A guide's front matter parsed with positions, and the lines above it (the opening `---`). */
function frontMatterOf(file: string, text: string): { front: StageResult<SourceDocument | undefined>; offset: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return match ? { front: readYaml(file, match[1]!), offset: 1 } : { front: readYaml(file, ''), offset: 0 };
}

/** The id Astro's glob loader gives a guide: its `slug` front matter, else its file name without the extension, slugged as Astro does. */
function guideSlug(file: string, front: unknown): string {
  if (!isRecord(front)) return slug(file.replace(/\.mdx?$/, ''));
  if (typeof front['slug'] === 'string' && front['slug']) return front['slug'];
  return slug(file.replace(/\.mdx?$/, ''));
}

function splitFrontMatter(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { front: {}, body: text };
  const front = parse(match[1]!) ?? {};
  return { front: typeof front === 'object' && !Array.isArray(front) ? (front as Record<string, unknown>) : {}, body: text.slice(match[0].length) };
}
