import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog, type LoadResult } from '../../src/catalog/load-catalog.ts';
import type { ContractJob } from '../../src/catalog/contracts/contract-job.ts';
import { decodeEntry, encodeEntry, type LazyPart } from '../../src/catalog/cache/entry-file.ts';
import { sha256 } from '../../src/catalog/cache/read-log.ts';
import { contractDigest } from '../../src/publish/document-digest.ts';
import { withoutDocuments } from '../../src/publish/downloads.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(projectRoot, 'tests/fixtures/catalogs/cache-refs');

// Every job handed to the worker threads, so a test can tell which contracts were read again.
const ranJobs = vi.hoisted(() => [] as string[]);
vi.mock('../../src/catalog/contracts/run-contracts.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/catalog/contracts/run-contracts.ts')>();
  return {
    ...actual,
    runContracts: (jobs: readonly ContractJob[], options: Parameters<typeof actual.runContracts>[1]) => {
      ranJobs.push(...jobs.map((job) => job.apiDir));
      return actual.runContracts(jobs, options);
    },
  };
});

const temporary: string[] = [];
afterEach(async () => {
  ranJobs.length = 0;
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `portolan-${name}-`));
  temporary.push(dir);
  return dir;
}

/** The cache-refs fixture (customer-api refers to party/schemas/customer.yaml, customer-events to customer-created.yaml, order-api to nothing), copied. */
async function copyOfFixture(): Promise<string> {
  const root = await tempDir('catalog');
  await cp(fixture, root, { recursive: true });
  return root;
}

/** Loads as `check` does (or as `build` does, with documents), with the cache in `dir`, or none. */
function load(root: string, dir: string | undefined, keepDocuments = false): Promise<LoadResult> {
  ranJobs.length = 0;
  return loadCatalog(root, { keepDocuments, ...(dir ? { cache: { dir } } : {}) });
}

/** What a user sees of a load: the model and the diagnostics. */
function seen(result: LoadResult) {
  return { catalog: result.catalog, diagnostics: result.diagnostics };
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('the contract cache', () => {
  for (const keepDocuments of [false, true]) {
    it(`gives a warm load ${keepDocuments ? 'for a build' : 'without documents'} the model and diagnostics of a cold one, without reading a contract again`, async () => {
      const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
      const uncached = await load(root, undefined, keepDocuments);
      const cold = await load(root, cache, keepDocuments);
      expect(cold.cache).toEqual({ hits: 0, misses: 3 });
      expect(ranJobs).toHaveLength(3);
      const warm = await load(root, cache, keepDocuments);
      expect(warm.cache).toEqual({ hits: 3, misses: 0 });
      expect(ranJobs).toEqual([]);
      expect(seen(warm)).toStrictEqual(seen(cold));
      expect(seen(warm)).toStrictEqual(seen(uncached));
      expect(warm.catalog!.apis.every((api) => (api.contract.document !== undefined) === keepDocuments)).toBe(true);
    });
  }

  it('gives a warm build each document as it was, parsed only when read, and its digest without parsing it', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    const cold = await load(root, cache, true);
    const warm = await load(root, cache, true);
    expect(warm.cache).toEqual({ hits: 3, misses: 0 });
    const isParsed = (contract: object) => Object.getOwnPropertyDescriptor(contract, 'document')?.get === undefined;
    const apis = warm.catalog!.apis;
    expect(apis.map((api) => isParsed(api.contract))).toEqual([false, false, false]);
    const digests = apis.map((api) => contractDigest(api.contract));
    // Neither the digest nor the catalogue the pages read parses a document.
    expect(withoutDocuments(warm.catalog!).apis.map((api) => 'document' in api.contract)).toEqual([false, false, false]);
    expect(apis.map((api) => isParsed(api.contract))).toEqual([false, false, false]);
    expect(apis.map((api) => api.contract.document)).toStrictEqual(cold.catalog!.apis.map((api) => api.contract.document));
    expect(apis.map((api) => isParsed(api.contract))).toEqual([true, true, true]);
    expect(digests).toEqual(apis.map((api) => sha256(JSON.stringify(api.contract.document))));
    // A document set in its place is digested as itself.
    const changed = apis[0]!.contract;
    changed.document = { openapi: '3.1.0' };
    expect(contractDigest(changed)).toBe(sha256('{"openapi":"3.1.0"}'));
  });

  it('gives a warm check that wants diagnostics only the same diagnostics, without reading the contracts back', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    await edit(path.join(root, 'party/order-api/examples/getOrder/200.json'), (text) => text.replace('"o-1"', '1'));
    const uncached = await loadCatalog(root, { diagnosticsOnly: true });
    const cold = await loadCatalog(root, { diagnosticsOnly: true, cache: { dir: cache } });
    ranJobs.length = 0;
    const warm = await loadCatalog(root, { diagnosticsOnly: true, cache: { dir: cache } });
    expect([cold.cache, warm.cache]).toEqual([
      { hits: 0, misses: 3 },
      { hits: 3, misses: 0 },
    ]);
    expect(ranJobs).toEqual([]);
    expect(warm.diagnostics.map((d) => d.code)).toEqual(['example/invalid']);
    expect(warm.diagnostics).toStrictEqual(uncached.diagnostics);
    expect([uncached.catalog, warm.catalog]).toEqual([undefined, undefined]);
    // The same entries serve a load that wants the model.
    expect((await load(root, cache)).cache).toEqual({ hits: 3, misses: 0 });
  });

  it('keeps the outcomes of a check and of a build apart', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    await load(root, cache, false);
    expect((await load(root, cache, true)).cache).toEqual({ hits: 0, misses: 3 });
    expect((await load(root, cache, false)).cache).toEqual({ hits: 3, misses: 0 });
  });

  it('reads again exactly the API whose contract, example or referenced file changed', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    await load(root, cache);
    const changes: [string, (text: string) => string, string][] = [
      ['party/order-api/openapi.yaml', (text) => text.replace('Read an order', 'Read one order'), 'party/order-api'],
      ['party/order-api/examples/getOrder/200.json', (text) => text.replace('o-1', 'o-2'), 'party/order-api'],
      ['party/schemas/customer.yaml', (text) => text.replace(/ {2}name:\n {4}type: string/, '  name:\n    type: integer'), 'party/customer-api'],
      ['party/schemas/customer-created.yaml', (text) => `${text}  at:\n    type: string\n`, 'party/customer-events'],
    ];
    for (const [file, change, api] of changes) {
      await edit(path.join(root, file), change);
      const warm = await load(root, cache);
      expect(warm.cache, file).toEqual({ hits: 2, misses: 1 });
      expect(ranJobs, file).toEqual([api]);
      expect(seen(warm), file).toStrictEqual(seen(await load(root, undefined)));
    }
    // The changed schema makes customer-api's example wrong: reported from the cache too.
    const again = await load(root, cache);
    expect(again.cache).toEqual({ hits: 3, misses: 0 });
    expect(again.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['party/customer-api/examples/getCustomer/200.json example/invalid']);
  });

  it('reads an API again when an example file is added or a referenced file is removed', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    await load(root, cache);
    await writeFile(path.join(root, 'party/order-api/examples/getOrder/404.other.json'), '{ "response": { "body": { "title": "Gone" } } }');
    expect((await load(root, cache)).cache).toEqual({ hits: 2, misses: 1 });
    await rm(path.join(root, 'party/schemas/customer.yaml'));
    const warm = await load(root, cache);
    expect(warm.cache).toEqual({ hits: 2, misses: 1 });
    expect(warm.diagnostics.map((d) => d.file)).toContain('party/schemas/customer.yaml');
    expect(seen(warm)).toStrictEqual(seen(await load(root, undefined)));
  });

  const corruptions: Record<string, (entries: { file: string; bytes: Buffer }[]) => Promise<void>> = {
    truncated: async (entries) => {
      for (const { file, bytes } of entries) await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    'a flipped byte': async (entries) => {
      for (const { file, bytes } of entries) {
        const flipped = Buffer.from(bytes);
        flipped[flipped.length - 10]! ^= 0xff;
        await writeFile(file, flipped);
      }
    },
    'of another format version': async (entries) => {
      for (const { file, bytes } of entries) {
        const other = Buffer.from(bytes);
        other.writeUInt32BE(other.readUInt32BE(8) + 1, 8);
        await writeFile(file, other);
      }
    },
    'valid, copied under another key': async (entries) => {
      for (const [index, { file }] of entries.entries()) await writeFile(file, entries[(index + 1) % entries.length]!.bytes);
    },
    empty: async (entries) => {
      for (const { file } of entries) await writeFile(file, '');
    },
  };
  for (const [name, corrupt] of Object.entries(corruptions)) {
    it(`ignores an entry ${name}, and writes it again`, async () => {
      const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
      await load(root, cache, true);
      const files = (await readdir(cache)).map((entry) => path.join(cache, entry));
      expect(files).toHaveLength(3);
      await corrupt(await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) }))));
      const warm = await load(root, cache, true);
      expect(warm.cache).toEqual({ hits: 0, misses: 3 });
      expect(seen(warm)).toStrictEqual(seen(await load(root, undefined, true)));
      expect((await load(root, cache, true)).cache).toEqual({ hits: 3, misses: 0 });
    });
  }

  it('does not keep a contract past its time budget', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    const result = await loadCatalog(root, { cache: { dir: cache }, contractTimeoutMs: 1 });
    const timedOut = result.diagnostics.filter((d) => d.code === 'contract/timeout').length;
    expect(timedOut).toBeGreaterThan(0);
    expect(await readdir(cache).catch(() => [])).toHaveLength(3 - timedOut);
  });

  it('goes on without a cache, with one warning, when the folder cannot be made', async () => {
    const [root, parent] = [await copyOfFixture(), await tempDir('cache')];
    const inTheWay = path.join(parent, 'file');
    await writeFile(inTheWay, 'not a folder');
    const warnings: string[] = [];
    const result = await loadCatalog(root, { cache: { dir: path.join(inTheWay, 'cache'), onWarning: (line) => warnings.push(line) } });
    expect(warnings).toEqual([
      expect.stringMatching(/^the cache folder ".*\/file\/cache" cannot be written \(ENOTDIR\), so this run is not cached; pass --cache DIR .* or --no-cache$/),
    ]);
    expect(seen(result)).toStrictEqual(seen(await load(root, undefined)));
  });
});

describe('the cache folder', () => {
  it('loses the entries no load used for two weeks and the temporary files of writers that no longer run, and keeps the rest', async () => {
    const [root, cache] = [await copyOfFixture(), await tempDir('cache')];
    await load(root, cache);
    const entries = (await readdir(cache)).filter((name) => name.endsWith('.entry'));
    expect(entries).toHaveLength(3);
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    await Promise.all(entries.map((name) => utimes(path.join(cache, name), monthAgo, monthAgo)));
    const stale = path.join(cache, 'f'.repeat(64) + '.entry');
    await writeFile(stale, 'an entry of a catalogue state no longer built');
    await utimes(stale, monthAgo, monthAgo);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftByKilled = path.join(cache, `${'e'.repeat(64)}.entry.${dead}-abc.tmp`);
    const beingWritten = path.join(cache, `${'d'.repeat(64)}.entry.${process.pid}-abc.tmp`);
    await Promise.all([writeFile(leftByKilled, 'half'), writeFile(beingWritten, 'half')]);

    // A warm load uses (and so renews) the three entries of the catalogue.
    expect((await load(root, cache)).cache).toEqual({ hits: 3, misses: 0 });
    expect((await readdir(cache)).sort()).toEqual([...entries, path.basename(beingWritten)].sort());
  });
});

describe('a cache entry', () => {
  const key = 'ab'.repeat(32);

  it('gives back what JSON cannot hold, exactly', () => {
    const value = {
      limits: [Infinity, -Infinity, NaN, -0],
      absent: undefined,
      sparse: Object.assign(new Array<number>(3), { 0: 1, 2: 3 }),
      when: new Date(0),
      big: 10n,
    };
    expect(decodeEntry(key, encodeEntry(key, [value]), 1)).toStrictEqual([value]);
  });

  it('gives back plain data exactly, key order included', () => {
    const value = { b: 1, a: [{ '2': 'x', '1': 'y', z: null }, 'é\u{1F600}\ud800', true, 0.1] };
    const [decoded] = decodeEntry(key, encodeEntry(key, [value]), 1)!;
    expect(decoded).toStrictEqual(value);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(value));
  });

  it('verifies the parts it is asked for, and the length of all', () => {
    const entry = encodeEntry(key, [{ diagnostics: [] }, { contract: 'x'.repeat(100) }]);
    const inSecond = Buffer.from(entry);
    inSecond[inSecond.length - 5]! ^= 1;
    expect(decodeEntry(key, inSecond, 1)).toEqual([{ diagnostics: [] }]);
    expect(decodeEntry(key, inSecond, 2)).toBeUndefined();
    const inFirst = Buffer.from(entry);
    inFirst[entry.indexOf('diagnostics')]! ^= 1;
    expect(decodeEntry(key, inFirst, 1)).toBeUndefined();
    expect(decodeEntry(key, entry.subarray(0, entry.length - 1), 1)).toBeUndefined();
    expect(decodeEntry(key, entry, 3)).toBeUndefined();
  });

  it('gives back bytes as a view of the entry, not a copy', () => {
    const bytes = Buffer.from('<!doctype html><title>Orders</title>');
    const entry = encodeEntry(key, [[['index.html', bytes.length]], bytes]);
    const [files, kept] = decodeEntry(key, entry, 2)!;
    expect(files).toEqual([['index.html', bytes.length]]);
    expect(Buffer.isBuffer(kept) && kept.equals(bytes)).toBe(true);
    expect((kept as Buffer).buffer).toBe(entry.buffer);
    const flipped = Buffer.from(entry);
    flipped[entry.indexOf('Orders')]! ^= 1;
    expect(decodeEntry(key, flipped, 2)).toBeUndefined();
  });

  it('verifies the parts it gives undecoded at once, and decodes them when asked', () => {
    const value = { info: { title: 'Orders' }, paths: {} };
    const entry = encodeEntry(key, [{ diagnostics: [] }, value, { big: 10n }]);
    const [head, lazy, v8] = decodeEntry(key, entry, 3, 1)! as [unknown, LazyPart, LazyPart];
    expect(head).toEqual({ diagnostics: [] });
    expect(lazy.digest).toBe(sha256(JSON.stringify(value)));
    expect(lazy.value()).toStrictEqual(value);
    expect(lazy.value()).toBe(lazy.value());
    expect(v8.digest).toBeUndefined();
    expect(v8.value()).toStrictEqual({ big: 10n });
    const flipped = Buffer.from(entry);
    flipped[entry.indexOf('Orders')]! ^= 1;
    expect(decodeEntry(key, flipped, 3, 1)).toBeUndefined();
  });

  it('is refused under another key', () => {
    expect(decodeEntry('cd'.repeat(32), encodeEntry(key, [{ a: 1 }]), 1)).toBeUndefined();
  });
});
