import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../catalog/model.ts';
import { formatCatalogJson } from './catalog-json.ts';
import { formatLlmsFullText } from './llms-full-text.ts';
import { formatLlmsText, type LlmsTextOptions } from './llms-text.ts';
import { searchVocabulary } from '../search/vocabulary.ts';
import { routes } from '../site/urls.ts';

/**
 * Writes the files for tools and language models beside the pages: /catalog.json, /llms.txt and
 * /llms-full.txt, and the words search corrects misspellings to (/search-words.json), from the audience-filtered catalogue (with its contract documents, so the
 * downloads they list are the ones the build writes). Returns the number of files written.
 */
export async function writeCatalogFiles(catalog: Catalog, options: LlmsTextOptions, outDir: string): Promise<number> {
  const files = {
    [routes.catalogJson()]: formatCatalogJson(catalog, options.location),
    [routes.llmsText()]: formatLlmsText(catalog, options),
    [routes.llmsFullText()]: formatLlmsFullText(catalog, options.location),
    [routes.searchWords()]: `${JSON.stringify(searchVocabulary(catalog, options.guides))}\n`,
  };
  await mkdir(outDir, { recursive: true });
  for (const [route, text] of Object.entries(files)) await writeFile(path.join(outDir, route), text);
  return Object.keys(files).length;
}
