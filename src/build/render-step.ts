import { mkdir, rename, cp } from 'node:fs/promises';
import path from 'node:path';
import type { RenderSet } from '../site/page-data.ts';
import { builtFiles } from '../site/built-files.ts';
import { scopeKeys, scopeOf, type PageCache, type RenderContext, type Scope } from './page-cache.ts';
import { BatchedWrites } from '../publish/batched-writes.ts';
import type { InputDigests } from './render-inputs.ts';
import { renderProcesses, renderShares, shareRender, type RenderInput } from './render-site.ts';

/** What the render step needs: the render's input, the digests of what the pages read and how to write it, and the cache of pages, if any. */
export interface RenderStep {
  input: RenderInput;
  digests: InputDigests;
  /** Writes what the pages of these APIs and the shared pages read (render-inputs.ts). */
  writeInputs: (apis: readonly string[]) => Promise<void>;
  context: RenderContext;
  cache: PageCache | undefined;
}

/** How the pages came, counted in scopes (an API's pages, the home page, the shared pages): from the cache (hits) or rendered (misses). */
export interface Rendered {
  hits: number;
  misses: number;
}

/**
 * Puts every page into `staged`: the scopes whose cached pages verify are written from the
 * cache, the others are rendered by Astro (only their pages, from only their inputs) and kept in
 * the cache. Astro makes the pages without parameters (home, explorer, search, 404) and its assets
 * on every run: those of a scope that came from the cache are dropped, the cache's bytes are the
 * same.
 */
export async function renderStep(step: RenderStep, staged: string): Promise<Rendered> {
  const keys = scopeKeys(step.digests, step.context);
  const missing = new Set<Scope>();
  const writes = new BatchedWrites();
  for (const [scope, key] of keys) if ((await step.cache?.restore(key, staged, writes)) === undefined) missing.add(scope);
  await writes.done();
  if (missing.size === 0) return { hits: keys.size, misses: 0 };
  const set: RenderSet = { shared: missing.has('shared'), apis: [...step.digests.apis.keys()].filter((id) => missing.has(`api:${id}`)) };
  await step.writeInputs(set.apis);
  const shares = shareRender(step.input, set, renderProcesses(set.apis.length));
  const folders = await renderShares(shares);
  for (const [index, folder] of folders.entries()) {
    const apis = new Set(shares[index]!.set.apis);
    const owned = (scope: Scope) => (scope.startsWith('api:') ? apis.has(scope.slice(4)) : index === 0 && missing.has(scope));
    const byScope = new Map<Scope, string[]>();
    for (const file of await builtFiles(folder)) {
      const scope = scopeOf(file);
      if (!owned(scope)) continue;
      const files = byScope.get(scope);
      if (files) files.push(file);
      else byScope.set(scope, [file]);
    }
    for (const [scope, files] of byScope) {
      await step.cache?.store(keys.get(scope)!, folder, files);
      await moveFiles(folder, files, staged);
    }
  }
  return { hits: keys.size - missing.size, misses: missing.size };
}

/** Moves files from one folder to another, a copy where a rename cannot cross file systems. */
async function moveFiles(from: string, files: readonly string[], into: string): Promise<void> {
  for (const file of files) {
    const target = path.join(into, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(from, file), target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await cp(path.join(from, file), target, { force: true });
    });
  }
}
