import { readFile } from 'node:fs/promises';
import { renderFieldReference } from './field-reference.ts';
import { replaceBetweenMarkers } from './markers.ts';

/** The documents holding generated parts, relative to the project root. */
export const generatedDocFiles = ['README.md', 'content/guides/contributing.mdx'] as const;

/** A document with its generated parts regenerated. */
export async function regenerateDoc(file: (typeof generatedDocFiles)[number], root: URL): Promise<string> {
  const current = await readFile(new URL(file, root), 'utf8');
  if (file === 'README.md') return replaceBetweenMarkers(current, 'fields', renderFieldReference('md', 4), 'md');
  return replaceBetweenMarkers(current, 'fields', renderFieldReference('mdx', 3), 'mdx');
}
