import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { HomeContent } from './site-data.ts';

/** Reads content/index.md: optional YAML front matter (title, tagline) and Markdown. */
export async function readHomeContent(contentDir: string): Promise<HomeContent> {
  const text = await readFile(path.join(contentDir, 'index.md'), 'utf8').catch(() => '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { markdown: text };
  const front = (parse(match[1]!) ?? {}) as Record<string, unknown>;
  return {
    ...(typeof front['title'] === 'string' ? { title: front['title'] } : {}),
    ...(typeof front['tagline'] === 'string' ? { tagline: front['tagline'] } : {}),
    markdown: text.slice(match[0].length),
  };
}
