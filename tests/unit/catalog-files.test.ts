import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Catalog } from '../../src/catalog/model.ts';
import { writeCatalogFiles } from '../../src/publish/catalog-files.ts';
import { readGuides, type GuideSummary } from '../../src/site/content.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let catalog: Catalog;
let guides: GuideSummary[];
let out: string;
let files: Record<'catalog.json' | 'llms.txt' | 'llms-full.txt' | 'search-words.json', string>;

beforeAll(async () => {
  // Loaded as a build loads it: with the contract documents, so the downloads are listed.
  catalog = (await loadCatalog(path.join(projectRoot, 'catalog'), { keepDocuments: true })).catalog!;
  // The guides a public build lists: the contributing guide is for internal readers.
  guides = (await readGuides(path.join(projectRoot, 'content'))).value.filter((guide) => guide.audience === 'public');
  out = await mkdtemp(path.join(os.tmpdir(), 'portolan-catalog-files-'));
  const written = await writeCatalogFiles(filterByAudience(catalog, 'public'), { location: { base: '/' }, guides }, out);
  expect(written).toBe(4);
  const read = (name: string) => readFile(path.join(out, name), 'utf8');
  files = {
    'catalog.json': await read('catalog.json'),
    'llms.txt': await read('llms.txt'),
    'llms-full.txt': await read('llms-full.txt'),
    'search-words.json': await read('search-words.json'),
  };
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

/** llms.txt without its guides section: the guides are the portal team's pages, the same in every build. */
function catalogueParts(): Record<string, string> {
  const llms = files['llms.txt'];
  return { ...files, 'llms.txt': llms.slice(0, llms.indexOf('\n## Guides')) + llms.slice(llms.indexOf('\n## Optional')) };
}

describe('the files for tools of a public build of the example catalogue', () => {
  it('name no partner or internal API, by id or by name', () => {
    const hidden = catalog.apis.filter((a) => a.audience !== 'public');
    expect(hidden.map((a) => a.id)).toEqual(expect.arrayContaining(['usage-events', 'customer-events', 'party-api', 'customer-api-v4']));
    const leaks = Object.entries(catalogueParts()).flatMap(([name, text]) =>
      hidden.flatMap((api) => [
        ...(new RegExp(`\\b${api.id}\\b`).test(text) ? [`${name}: ${api.id}`] : []),
        ...(text.includes(api.name) ? [`${name}: ${api.name}`] : []),
      ]),
    );
    expect(leaks).toEqual([]);
  });

  it('correct misspellings to no word that only the names of hidden APIs hold', () => {
    const words: string[] = JSON.parse(files['search-words.json']);
    expect(words).toEqual(expect.arrayContaining(['fibre', 'coverage', 'couverture']));
    const published = `${files['llms-full.txt']} ${files['catalog.json']}`.toLowerCase();
    const hiddenOnly = catalog.apis
      .filter((a) => a.audience !== 'public')
      .flatMap((a) => a.name.toLowerCase().split(/[^a-z]+/))
      .filter((word) => word.length >= 4 && !published.includes(word));
    expect(hiddenOnly.length).toBeGreaterThan(0);
    expect(words.filter((word) => hiddenOnly.includes(word))).toEqual([]);
  });

  it('list every public API', () => {
    const publicIds = catalog.apis.filter((a) => a.audience === 'public').map((a) => a.id);
    expect(JSON.parse(files['catalog.json']).apis.map((a: { id: string }) => a.id)).toEqual([...publicIds].sort());
    for (const id of publicIds) {
      expect(files['llms.txt']).toContain(`(/apis/${id}/)`);
      expect(files['llms-full.txt']).toContain(`- Page: /apis/${id}/`);
    }
  });

  it('list in llms.txt the guides of the content folder, from their front matter only', () => {
    const section = files['llms.txt'].slice(files['llms.txt'].indexOf('## Guides'), files['llms.txt'].indexOf('## Optional'));
    const items = section.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toEqual(guides.map((g) => `- [${g.title}](/guides/${g.slug}/): ${g.description}`));
  });

  it('list the contract downloads the build writes', () => {
    const coverage = JSON.parse(files['catalog.json']).apis.find((a: { id: string }) => a.id === 'network-coverage-api');
    expect(coverage.links.downloads).toEqual({ yaml: '/apis/network-coverage-api/openapi.yaml', json: '/apis/network-coverage-api/openapi.json' });
    expect(coverage.links.reference).toBe('/apis/network-coverage-api/reference/');
  });

  it('say the public audience and hold no time of the build', () => {
    expect(JSON.parse(files['catalog.json']).portal.audience).toBe('public');
    expect(files['llms.txt']).toContain('for the public audience');
    for (const text of Object.values(files)) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
