import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let out: string;
let files: { name: string; text: string }[];

/** Names of everything marked x-internal in a contract document: operations, parameters, properties, schemas. */
function internalNames(value: unknown, names: Set<string>, key?: string, parent?: string): void {
  if (Array.isArray(value)) value.forEach((item) => internalNames(item, names));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record['x-internal'] === true) {
      const named = ['properties', 'schemas', 'definitions', 'messages'].includes(parent ?? '') ? key : undefined;
      for (const name of [record['operationId'], record['name'], named]) if (typeof name === 'string' && name.length > 3) names.add(name);
    }
    for (const [childKey, child] of Object.entries(record)) internalNames(child, names, childKey, key);
  }
}

/** Builds the example catalogue for `audience` into `into`; returns every text file of the output, the search index decompressed. */
async function buildFor(audience: string, into: string): Promise<{ name: string; text: string }[]> {
  const result = spawnSync(process.execPath, ['bin/portolan.js', 'build', '--no-cache', '--audience', audience, '--out', into], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return (await outputTexts(into)).map(({ file, text }) => ({ name: file, text }));
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'portolan-partner-'));
  files = await buildFor('partner', out);
}, 180_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('a partner build of the example catalogue', () => {
  it('holds no internal API in any file', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'catalog'));
    const internal = catalog!.apis.filter((a) => a.audience === 'internal');
    expect(internal.length).toBeGreaterThan(0);
    for (const api of internal) {
      const pattern = new RegExp(`\\b${api.id}\\b`);
      expect(
        files.filter((f) => pattern.test(f.text) || f.name.includes(`/${api.id}/`)).map((f) => f.name),
        api.id,
      ).toEqual([]);
    }
  });

  it('holds no operation, parameter, property or schema marked x-internal, in pages or downloads', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'catalog'), { keepDocuments: true });
    const names = new Set<string>();
    for (const api of catalog!.apis.filter((a) => a.audience === 'partner')) internalNames(api.contract.document, names);
    expect([...names]).toEqual(expect.arrayContaining(['mergeCustomers', 'fraudScore', 'includeRiskAssessment']));
    for (const name of names)
      expect(
        files.filter((f) => new RegExp(`\\b${name}\\b`).test(f.text)).map((f) => f.name),
        name,
      ).toEqual([]);
  });

  it('offers each partner API contract for download, bundled into one file', async () => {
    const json = files.find((f) => f.name === 'apis/customer-api-v4/openapi.json');
    const yaml = files.find((f) => f.name === 'apis/customer-api-v4/openapi.yaml');
    expect(yaml?.text).toMatch(/^openapi: 3\.1\.0/);
    const document = JSON.parse(json!.text);
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"\.\//);
    expect(Object.keys(document.paths).length).toBeGreaterThan(3);
  });
});

describe('a public build of the example catalogue', () => {
  let publicOut: string;
  let publicFiles: { name: string; text: string }[];

  beforeAll(async () => {
    // Over the partner build's folder: nothing of the earlier build may survive into this one.
    publicOut = out;
    publicFiles = await buildFor('public', publicOut);
  }, 180_000);

  it('keeps no file of the partner build it replaced', async () => {
    const partnerOnly = files.map((f) => f.name).filter((name) => name.startsWith('apis/customer-api-v4/'));
    expect(partnerOnly.length).toBeGreaterThan(3);
    const names = new Set(publicFiles.map((f) => f.name));
    expect(partnerOnly.filter((name) => names.has(name))).toEqual([]);
    expect((await readdir(publicOut, { recursive: true })).filter((name) => name.includes('customer-api-v4'))).toEqual([]);
  });

  it('names no partner or internal API, by id or name, in its search index, catalog.json or llms files', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'catalog'));
    const hidden = catalog!.apis.filter((a) => a.audience !== 'public');
    expect(hidden.length).toBeGreaterThan(10);
    const index = publicFiles.filter((f) => f.name.startsWith('pagefind/') && /\.pf_\w+$/.test(f.name));
    expect(index.length).toBeGreaterThan(5);
    const listed = publicFiles.filter((f) => ['catalog.json', 'llms.txt', 'llms-full.txt'].includes(f.name));
    expect(listed.map((f) => f.name).sort()).toEqual(['catalog.json', 'llms-full.txt', 'llms.txt']);
    const scanned = [...index, ...listed];
    for (const api of hidden) {
      const pattern = new RegExp(`\\b(${escape(api.id)}|${escape(api.name)})\\b`);
      expect(
        scanned.filter((f) => pattern.test(f.text)).map((f) => f.name),
        api.id,
      ).toEqual([]);
    }
    // The scan reads the index: the public APIs are in it.
    for (const api of catalog!.apis.filter((a) => a.audience === 'public'))
      expect(
        index.some((f) => f.text.includes(api.name)),
        api.name,
      ).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
