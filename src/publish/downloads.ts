import path from 'node:path';
import { dump } from 'js-yaml';
import type { CacheFolder } from '../catalog/cache/cache-folder.ts';
import { hasDocument, withoutDocument } from '../catalog/cache/lazy-document.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { Api, Catalog } from '../catalog/model.ts';
import { BatchedWrites } from './batched-writes.ts';
import { contractDigest } from './document-digest.ts';
import { sanitiseContract } from './safe-contract.ts';
import { routes } from '../site/urls.ts';

/** The two download formats of a contract. */
export const downloadFormats = ['yaml', 'json'] as const;

/** Where the files made from each contract (downloads, mock data, console contract) are cached, and the map each file written is recorded in with its sha256 (for the audit). */
export interface PublishCache {
  folder: CacheFolder;
  written: Map<string, string>;
}

/**
 * Writes each API's contract as built for this audience (bundled, without x-internal parts), as YAML
 * and JSON, its descriptions sanitised as the pages' Markdown is: the try-it console renders them.
 * With a cache, an API's files are kept by its filtered contract (and Portolan's code), so an
 * unchanged contract is neither sanitised nor serialised again.
 */
export async function writeDownloads(catalog: Catalog, outDir: string, cache?: PublishCache): Promise<number> {
  let written = 0;
  const writes = new BatchedWrites();
  for (const api of catalog.apis) {
    const files = downloadsOf(api);
    if (files.length === 0) continue;
    for (const { route, text, sha } of cache ? cachedTexts(api, files, cache.folder) : textsOf(api, files)) {
      cache?.written.set(route.replace(/^\/+/, ''), sha ?? sha256(text));
      await writes.write(path.join(outDir, route), text);
      written++;
    }
  }
  await writes.done();
  return written;
}

type Download = ReturnType<typeof downloadsOf>[number];

function textsOf(api: Api, files: Download[]): { route: string; text: string; sha?: string }[] {
  const document = sanitiseContract(api.contract.document);
  return files.map(({ format, route }) => ({ route, text: serialise(document, format) }));
}

/** The API's download texts with their sha256, from the cache when its filtered contract is that of an entry. */
function cachedTexts(api: Api, files: Download[], folder: CacheFolder): { route: string; text: string; sha: string }[] {
  const key = outputKey('downloads', JSON.stringify(files), contractDigest(api.contract));
  const [kept] = folder.read(key, 1) ?? [];
  if (Array.isArray(kept) && kept.length === files.length && kept.every(isTextAndSha)) {
    return files.map(({ route }, at) => ({ route, text: kept[at]![0], sha: kept[at]![1] }));
  }
  const made = textsOf(api, files).map((file) => ({ ...file, sha: sha256(file.text) }));
  folder.write(key, [made.map(({ text, sha }) => [text, sha])]);
  return made;
}

/** The contract downloads a build writes for an API: one a format, none when the build kept no contract document. */
export function downloadsOf(api: Api): { format: (typeof downloadFormats)[number]; route: string }[] {
  if (!hasDocument(api.contract)) return [];
  return downloadFormats.map((format) => ({ format, route: routes.download(api.id, api.contract.format, format) }));
}

/** Whether a cached value is a text and its sha256. */
export function isTextAndSha(value: unknown): value is [string, string] {
  return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string';
}

function serialise(document: unknown, format: (typeof downloadFormats)[number]): string {
  // JSON is for tools, so it is compact; YAML is the readable one. js-yaml writes it three times
  // faster than the yaml package (GitHub REST: 0.5 s against 1.6 s), and no anchors are needed.
  return format === 'json' ? JSON.stringify(document) : dump(document, { noRefs: true, lineWidth: -1 });
}

/** The catalogue without contract documents: pages never need them, and they would weigh on every page build. */
export function withoutDocuments(catalog: Catalog): Catalog {
  return { ...catalog, apis: catalog.apis.map((api) => ({ ...api, contract: withoutDocument(api.contract) })) };
}
