import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputKey } from '../catalog/cache/portolan-version.ts';
import type { Catalog } from '../catalog/model.ts';
import { mockDataFor, mockDataRoute } from '../mock/browser-data.ts';
import { BatchedWrites } from './batched-writes.ts';
import { consoleContract } from './console-contract.ts';
import { contractDigest } from './document-digest.ts';
import { writeMadeFiles, type PublishCache } from './kept-files.ts';
import { consoleContractRoute, hasTryIt, mockWorkerScript, tryItScript } from '../site/try-it.ts';

/** One file of Scalar's browser build, as the site publishes it: its path under the console's folder and its bytes. */
interface TryItFile {
  file: string;
  bytes: Buffer;
}

/** Scalar's browser build, read once a process: a `dev` session publishes the same bytes on every save. */
let prepared: Promise<TryItFile[]> | undefined;

/**
 * Publishes Scalar's browser build (an ES module and the chunks it loads on demand) from
 * node_modules into the site, so the console comes from the portal's own origin. Source maps
 * are left behind and their comments removed: they are large, and a reader never needs them.
 * Returns the number of files written.
 */
export async function writeTryItAssets(outDir: string): Promise<number> {
  prepared ??= readTryItFiles();
  const files = await prepared.catch((error: unknown) => {
    prepared = undefined;
    throw error;
  });
  const target = path.join(outDir, path.dirname(tryItScript));
  await mkdir(path.join(target, 'chunks'), { recursive: true });
  await Promise.all(files.map(({ file, bytes }) => writeFile(path.join(target, file), bytes)));
  return files.length;
}

async function readTryItFiles(): Promise<TryItFile[]> {
  const browserDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@scalar/api-reference'))), 'browser');
  const chunks = (await readdir(path.join(browserDir, 'chunks'))).filter((name) => name.endsWith('.js'));
  const files = [path.basename(tryItScript), ...chunks.map((name) => `chunks/${name}`)];
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(browserDir, file), 'utf8');
      return { file, bytes: Buffer.from(text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')) };
    }),
  );
}

/**
 * Publishes what the console and the in-browser mock need: msw's service worker script (under
 * /apis/, so it may control the try-it pages), and each API's mock.json and console.json (its
 * contract with the catalogue's examples). With a cache, an API's two files are kept by its
 * contract as built for the audience (document and operations) and Portolan's code, so an
 * unchanged API is not enriched, sanitised nor serialised again. Returns the number of files written.
 */
export async function writeMockAssets(catalog: Catalog, outDir: string, cache?: PublishCache): Promise<number> {
  const worker = path.join(path.dirname(fileURLToPath(import.meta.resolve('msw'))), '..', 'mockServiceWorker.js');
  await copyFile(worker, path.join(outDir, mockWorkerScript));
  let written = 1;
  const writes = new BatchedWrites();
  for (const api of catalog.apis.filter(hasTryIt)) {
    const key = () => outputKey('mock-assets', api.id, contractDigest(api.contract), JSON.stringify(api.contract.operations));
    await writeMadeFiles(
      writes,
      outDir,
      [mockDataRoute(api.id), consoleContractRoute(api.id)],
      () => [JSON.stringify(mockDataFor(api)), JSON.stringify(consoleContract(api))],
      cache && { publish: cache, key },
    );
    written += 2;
  }
  await writes.done();
  return written;
}
