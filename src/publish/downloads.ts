import { dump } from 'js-yaml';
import { hasDocument, withoutDocument } from '../catalog/cache/lazy-document.ts';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import type { Api, Catalog } from '../catalog/model.ts';
import { BatchedWrites } from './batched-writes.ts';
import { contractDigest } from './document-digest.ts';
import { writeMadeFiles, type PublishCache } from './kept-files.ts';
import { sanitiseContract } from './safe-contract.ts';
import { routes } from '../site/urls.ts';

/** The two download formats of a contract. */
export const downloadFormats = ['yaml', 'json'] as const;

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
    const key = () => outputKey('downloads', JSON.stringify(files), contractDigest(api.contract));
    await writeMadeFiles(
      writes,
      outDir,
      files.map(({ route }) => route),
      () => textsOf(api, files),
      cache && { publish: cache, key },
    );
    written += files.length;
  }
  await writes.done();
  return written;
}

/** The API's download texts, one a file. */
function textsOf(api: Api, files: ReturnType<typeof downloadsOf>): string[] {
  const document = sanitiseContract(api.contract.document);
  return files.map(({ format }) => serialise(document, format));
}

/** The contract downloads a build writes for an API: one a format, none when the build kept no contract document. */
export function downloadsOf(api: Api): { format: (typeof downloadFormats)[number]; route: string }[] {
  if (!hasDocument(api.contract)) return [];
  return downloadFormats.map((format) => ({ format, route: routes.download(api.id, api.contract.format, format) }));
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
