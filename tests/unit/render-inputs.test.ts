import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/catalog/cache/read-log.ts';
import { renderInputDigests, renderInputsWriter, writeRenderInputs } from '../../src/build/render-inputs.ts';
import { pageInputs } from '../../src/site/page-inputs.ts';
import { smallCatalog } from './small-catalog.ts';
import { tempFolder } from './temp-folder.ts';

describe("the render's inputs", () => {
  it('are written for the APIs to render only, each file digested as the pages cache keys it', async () => {
    const dir = await tempFolder('inputs');
    const inputs = pageInputs(smallCatalog(), { markdown: '' }, {});
    const ids = inputs.details.map((detail) => detail.api.id);
    expect(ids.length).toBeGreaterThan(2);
    const digests = renderInputDigests(inputs);
    await writeRenderInputs(inputs, dir, [ids[1]!]);
    expect(await readdir(path.join(dir, 'apis'))).toEqual([`${ids[1]}.json`]);
    expect(sha256(await readFile(path.join(dir, 'apis', `${ids[1]}.json`), 'utf8'))).toBe(digests.apis.get(ids[1]!));
    expect(sha256(await readFile(path.join(dir, 'site.json'), 'utf8'))).toBe(digests.site);
    expect(sha256(await readFile(path.join(dir, 'recent.json'), 'utf8'))).toBe(digests.recent);
    expect([...digests.apis.keys()]).toEqual(ids);
    expect(new Set(digests.apis.values()).size).toBe(ids.length);
  });

  it('are written once by the writer the render is given', async () => {
    const dir = await tempFolder('inputs');
    const inputs = pageInputs(smallCatalog(), { markdown: '' }, {});
    const write = renderInputsWriter(inputs, dir);
    await write([]);
    expect(await readdir(path.join(dir, 'apis'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['apis', 'recent.json', 'site.json']);
    await expect(write([])).rejects.toThrow(/already written/);
  });
});
