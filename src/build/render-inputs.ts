import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../catalog/cache/read-log.ts';
import { BatchedWrites } from '../publish/batched-writes.ts';
import { inputFiles } from '../site/page-data.ts';
import type { PageInputs } from '../site/page-inputs.ts';

/** The sha256 of each input the render reads, as written: what the rendered pages are keyed on. */
export interface InputDigests {
  site: string;
  recent: string;
  /** The KPI pages' input; '' when the build has none. */
  kpis: string;
  apis: Map<string, string>;
}

/**
 * The digest of each file writeRenderInputs would write, without writing any: the pages cache is
 * keyed on them. The inputs of the APIs rendered are serialised again when written, which costs
 * less than holding every API's text through the render.
 */
export function renderInputDigests(inputs: PageInputs): InputDigests {
  const digest = (value: unknown) => sha256(JSON.stringify(value));
  return {
    site: digest(inputs.site),
    recent: digest(inputs.recent),
    kpis: inputs.kpis ? digest(inputs.kpis) : '',
    apis: new Map(inputs.details.map((detail) => [detail.api.id, digest(detail)])),
  };
}

/**
 * Writes what the pages to render read into `dir` (page-data.ts reads it back): the site's
 * inputs, and the inputs of the APIs in `apis` only, since an API's pages read their own alone:
 * when one API changed, the other APIs' pages come from the cache and their inputs are not needed.
 */
export async function writeRenderInputs(inputs: PageInputs, dir: string, apis: readonly string[]): Promise<void> {
  await mkdir(path.join(dir, 'apis'), { recursive: true });
  const writes = new BatchedWrites();
  const write = (file: string, value: unknown) => writes.write(path.join(dir, file), JSON.stringify(value));
  const wanted = new Set(apis);
  for (const detail of inputs.details) if (wanted.has(detail.api.id)) await write(inputFiles.api(detail.api.id), detail);
  // A folder kept from an internal build must not lend its KPI pages to another audience's.
  if (inputs.kpis) await write(inputFiles.kpis, inputs.kpis);
  else await rm(path.join(dir, inputFiles.kpis), { force: true });
  await write(inputFiles.site, inputs.site);
  await write(inputFiles.recent, inputs.recent);
  await writes.done();
}

/**
 * Writes, once, what the pages of the APIs it is given read (writeRenderInputs), then lets the
 * inputs go: held until the render, every API's page data would stay in memory through it.
 */
export function renderInputsWriter(inputs: PageInputs, dir: string): (apis: readonly string[]) => Promise<void> {
  let held: PageInputs | undefined = inputs;
  return async (apis) => {
    const written = held;
    held = undefined;
    if (!written) throw new Error("the render's inputs were already written");
    await writeRenderInputs(written, dir, apis);
  };
}
