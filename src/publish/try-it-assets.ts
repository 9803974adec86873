import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../catalog/model.ts';
import { mockDataFor, mockDataRoute } from '../mock/browser-data.ts';
import { consoleContract } from './console-contract.ts';
import { consoleContractRoute, hasTryIt, mockWorkerScript, tryItScript } from '../site/try-it.ts';

/**
 * Publishes Scalar's browser build (an ES module and the chunks it loads on demand) from
 * node_modules into the site, so the console comes from the portal's own origin. Source maps
 * are left behind and their comments removed: they are large, and a reader never needs them.
 * Returns the number of files written.
 */
export async function writeTryItAssets(outDir: string): Promise<number> {
  const browserDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@scalar/api-reference'))), 'browser');
  const target = path.join(outDir, path.dirname(tryItScript));
  await mkdir(path.join(target, 'chunks'), { recursive: true });
  const chunks = (await readdir(path.join(browserDir, 'chunks'))).filter((name) => name.endsWith('.js'));
  const files = [path.basename(tryItScript), ...chunks.map((name) => `chunks/${name}`)];
  for (const file of files) {
    const source = path.join(browserDir, file);
    const text = await readFile(source, 'utf8');
    const withoutMap = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    if (withoutMap === text) await copyFile(source, path.join(target, file));
    else await writeFile(path.join(target, file), withoutMap);
  }
  return files.length;
}

/**
 * Publishes what the console and the in-browser mock need: msw's service worker script (under
 * /apis/, so it may control the try-it pages), and each API's mock.json and console.json (its
 * contract with the catalogue's examples). Returns the number of files written.
 */
export async function writeMockAssets(catalog: Catalog, outDir: string): Promise<number> {
  const worker = path.join(path.dirname(fileURLToPath(import.meta.resolve('msw'))), '..', 'mockServiceWorker.js');
  await copyFile(worker, path.join(outDir, mockWorkerScript));
  let written = 1;
  for (const api of catalog.apis.filter(hasTryIt)) {
    const file = path.join(outDir, mockDataRoute(api.id));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(mockDataFor(api)));
    await writeFile(path.join(outDir, consoleContractRoute(api.id)), JSON.stringify(consoleContract(api)));
    written += 2;
  }
  return written;
}
