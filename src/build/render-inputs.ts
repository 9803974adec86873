import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../catalog/cache/read-log.ts';
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

/** Writes what the pages read into `dir` (page-data.ts reads it back), and returns each file's digest. */
export async function writeRenderInputs(inputs: PageInputs, dir: string): Promise<InputDigests> {
  await mkdir(path.join(dir, 'apis'), { recursive: true });
  const write = async (file: string, value: unknown) => {
    const bytes = JSON.stringify(value);
    await writeFile(path.join(dir, file), bytes);
    return sha256(bytes);
  };
  const apis = new Map<string, string>();
  for (const detail of inputs.details) apis.set(detail.api.id, await write(inputFiles.api(detail.api.id), detail));
  // A folder kept from an internal build must not lend its KPI pages to another audience's.
  if (!inputs.kpis) await rm(path.join(dir, inputFiles.kpis), { force: true });
  const kpis = inputs.kpis ? await write(inputFiles.kpis, inputs.kpis) : '';
  return { site: await write(inputFiles.site, inputs.site), recent: await write(inputFiles.recent, inputs.recent), kpis, apis };
}
