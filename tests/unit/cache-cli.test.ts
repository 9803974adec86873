import { spawn, spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { differingFiles, hashFiles } from './file-hashes.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(projectRoot, 'tests/fixtures/catalogs/cache-refs');

const temporary: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder that every user may read: a run as another user reads the catalogue from it. */
async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `portolan-${name}-`));
  await chmod(dir, 0o755);
  temporary.push(dir);
  return dir;
}

function portolan(args: string[], options: { uid?: number } = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `portolan` without waiting: several can run at once. */
function portolanAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function timingsOf(file: string): Promise<{ cache?: { hits: number; misses: number }; pages?: { hits: number; misses: number } }> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Builds `catalog` into `<work>/<name>`; returns every output file's sha256 and the caches' hits and misses (contracts, groups of pages). */
async function buildInto(catalog: string, work: string, name: string, cacheArgs: string[]) {
  const out = path.join(work, name);
  const timings = path.join(work, `${name}.json`);
  const run = portolan(['build', '--catalog', catalog, '--out', out, '--timings', timings, ...cacheArgs]);
  expect(run.status, run.stderr).toBe(0);
  const { cache, pages } = await timingsOf(timings);
  return { files: await hashFiles(out), cache, pages };
}

describe('portolan check --cache', () => {
  it('reports its hits and misses in --timings, and prints the same one JSON object as --no-cache', async () => {
    const [cache, work] = [await tempDir('cache'), await tempDir('work')];
    const timings = path.join(work, 'timings.json');
    const uncached = portolan(['check', '--catalog', fixture, '--format', 'json', '--no-cache', '--timings', timings]);
    expect(await timingsOf(timings)).not.toHaveProperty('cache');
    for (const expected of [
      { hits: 0, misses: 3 },
      { hits: 3, misses: 0 },
    ]) {
      const run = portolan(['check', '--catalog', fixture, '--format', 'json', '--cache', cache, '--timings', timings]);
      expect(run).toEqual(uncached);
      expect((await timingsOf(timings)).cache).toEqual(expected);
    }
    expect(JSON.parse(uncached.stdout)).toEqual({ diagnostics: [], errors: 0, warnings: 0 });
  });

  it('is shared by two checks at once, which leave it whole', async () => {
    const [cache, work] = [await tempDir('cache'), await tempDir('work')];
    const args = ['check', '--catalog', fixture, '--format', 'json'];
    const uncached = portolan([...args, '--no-cache']);
    const together = await Promise.all([portolanAsync([...args, '--cache', cache]), portolanAsync([...args, '--cache', cache])]);
    expect(together).toEqual([uncached, uncached]);
    const timings = path.join(work, 'timings.json');
    expect(portolan([...args, '--cache', cache, '--timings', timings])).toEqual(uncached);
    expect((await timingsOf(timings)).cache).toEqual({ hits: 3, misses: 0 });
    expect(await readdir(cache)).toHaveLength(3);
  });

  it('goes on with one warning when the cache folder is read-only, and the output of --no-cache', async () => {
    const [cache, catalog] = [await tempDir('cache'), await tempDir('catalog')];
    await cp(fixture, catalog, { recursive: true });
    await chmod(cache, 0o555);
    // Root may write anywhere: the check then runs as nobody, for whom the folder is read-only.
    const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const uncached = portolan(['check', '--catalog', catalog, '--format', 'json', '--no-cache'], asUser);
    const readOnly = portolan(['check', '--catalog', catalog, '--format', 'json', '--cache', cache], asUser);
    expect(readOnly.status).toBe(uncached.status);
    expect(readOnly.stdout).toBe(uncached.stdout);
    expect(readOnly.stderr).toMatch(
      /^the cache folder ".*" cannot be written \(EACCES\), so this run is not cached; pass --cache DIR to use another folder, or --no-cache\n$/,
    );
  });

  it('is a usage error inside the catalogue folder, or with --no-cache', async () => {
    for (const args of [
      ['--cache', path.join(fixture, 'party/.cache')],
      ['--cache', fixture],
      ['--cache', 'x', '--no-cache'],
    ]) {
      const { status, stderr } = portolan(['check', '--catalog', fixture, ...args]);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr.split('\n')[0]).toMatch(
        /^--cache .*(is inside the catalogue folder .*; choose a cache folder outside it|and --no-cache cannot be used together)$/,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('portolan build --cache', () => {
  it('is a usage error inside the output folder', async () => {
    const out = await tempDir('out');
    const { status, stderr } = portolan(['build', '--catalog', fixture, '--out', out, '--cache', path.join(out, 'cache')]);
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`--cache "${path.join(out, 'cache')}" is inside the output folder "${out}"; choose a cache folder outside it`);
  });

  it('twice with one cache folder gives the same bytes as a build without a cache', { timeout: 300_000 }, async () => {
    const [cache, work] = [await tempDir('cache'), await tempDir('work')];
    const build = (name: string, cacheArgs: string[]) => buildInto(fixture, work, name, cacheArgs);
    const uncached = await build('uncached', ['--no-cache']);
    const cold = await build('cold', ['--cache', cache]);
    const warm = await build('warm', ['--cache', cache]);
    expect([cold.cache, warm.cache]).toEqual([
      { hits: 0, misses: 3 },
      { hits: 3, misses: 0 },
    ]);
    expect(uncached.files.size).toBeGreaterThan(10);
    expect(differingFiles(uncached.files, cold.files)).toEqual([]);
    expect(differingFiles(uncached.files, warm.files)).toEqual([]);
  });

  it(
    'rebuilds a changed catalogue from the cache to the bytes of a cold build: a contract and an example changed, an API added, one removed',
    { timeout: 300_000 },
    async () => {
      const [catalog, cache, work] = [await tempDir('catalog'), await tempDir('cache'), await tempDir('work')];
      await cp(fixture, catalog, { recursive: true });
      const build = (name: string, cacheArgs: string[]) => buildInto(catalog, work, name, cacheArgs);
      const edit = async (file: string, change: (text: string) => string) =>
        writeFile(path.join(catalog, file), change(await readFile(path.join(catalog, file), 'utf8')));
      const first = await build('first', ['--cache', cache]);

      await edit('party/order-api/openapi.yaml', (text) => text.replace('summary: Read an order', 'summary: Read one order by its id'));
      await edit('party/order-api/examples/getOrder/200.json', (text) => text.replace('"o-1"', '"o-2"'));
      // The warm builds read their pages in worker threads (a large catalogue's way), the cold ones in the build's thread.
      vi.stubEnv('PORTOLAN_PAGE_THREADS', '2');
      const changedWarm = await build('changed-warm', ['--cache', cache]);
      vi.stubEnv('PORTOLAN_PAGE_THREADS', '0');
      const changed = { warm: changedWarm, cold: await build('changed-cold', ['--no-cache']) };
      expect(changed.warm.cache).toEqual({ hits: 2, misses: 1 });
      // Only the changed API's pages are rendered again: the others, the home page and the shared pages come from the cache.
      expect(changed.warm.pages).toEqual({ hits: 4, misses: 1 });
      expect(differingFiles(first.files, changed.warm.files)).toContain('apis/order-api/index.html (changed)');
      expect(differingFiles(changed.cold.files, changed.warm.files)).toEqual([]);

      await cp(path.join(catalog, 'party/order-api'), path.join(catalog, 'party/invoice-api'), { recursive: true });
      await edit('party/invoice-api/api.yaml', (text) => text.replace('name: Order API', 'name: Invoice API'));
      await rm(path.join(catalog, 'party/customer-events'), { recursive: true });
      vi.stubEnv('PORTOLAN_PAGE_THREADS', '2');
      const movedWarm = await build('moved-warm', ['--cache', cache]);
      vi.stubEnv('PORTOLAN_PAGE_THREADS', '0');
      const moved = { warm: movedWarm, cold: await build('moved-cold', ['--no-cache']) };
      expect(moved.warm.cache).toEqual({ hits: 2, misses: 1 });
      // An API added or removed changes what every page lists: all pages are rendered again.
      expect(moved.warm.pages).toEqual({ hits: 0, misses: 5 });
      expect([...moved.warm.files.keys()]).toContain('apis/invoice-api/index.html');
      expect([...moved.warm.files.keys()].some((file) => file.startsWith('apis/customer-events/'))).toBe(false);
      expect(differingFiles(moved.cold.files, moved.warm.files)).toEqual([]);
      // The index pages list it: the API index and the team directory are rendered again with it.
      for (const index of ['apis/index.html', 'teams/index.html'])
        expect(await readFile(path.join(work, 'moved-warm', index), 'utf8')).toContain('Invoice API');

      // Entries that do not verify are rendered again, to the same bytes.
      const pages = path.join(cache, 'pages');
      for (const name of await readdir(pages)) {
        const bytes = await readFile(path.join(pages, name));
        const middle = bytes.length >> 1;
        bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
        await writeFile(path.join(pages, name), bytes);
      }
      const corrupted = await build('corrupted-warm', ['--cache', cache]);
      expect(corrupted.pages).toEqual({ hits: 0, misses: 5 });
      expect(differingFiles(moved.cold.files, corrupted.files)).toEqual([]);
    },
  );

  it(
    'leaves --out as it is when nothing changed since the build that made it, and builds again after any change to an input or to --out',
    { timeout: 300_000 },
    async () => {
      const [catalog, cache, work] = [await tempDir('catalog'), await tempDir('cache'), await tempDir('work')];
      await cp(fixture, catalog, { recursive: true });
      const out = path.join(work, 'out');
      const build = () => portolan(['build', '--catalog', catalog, '--out', out, '--cache', cache]);
      // Files written in the two seconds before a build are not trusted by their times (a file system may keep them by the second).
      const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
      const upToDate = (run: { stdout: string }) => run.stdout.includes('is up to date: nothing changed');
      await settle();
      expect(upToDate(build())).toBe(false);
      const first = await hashFiles(out);
      const again = build();
      expect(again.status).toBe(0);
      expect(upToDate(again)).toBe(true);
      expect(differingFiles(first, await hashFiles(out))).toEqual([]);

      await writeFile(
        path.join(catalog, 'party/order-api/examples/getOrder/200.json'),
        (await readFile(path.join(catalog, 'party/order-api/examples/getOrder/200.json'), 'utf8')).replace('"o-1"', '"o-3"'),
      );
      await settle();
      expect(upToDate(build())).toBe(false);
      expect(differingFiles(first, await hashFiles(out))).toContain('apis/order-api/index.html (changed)');
      expect(upToDate(build())).toBe(true);

      await rm(path.join(out, 'apis/order-api/index.html'));
      expect(upToDate(build())).toBe(false);
      expect([...(await hashFiles(out)).keys()]).toContain('apis/order-api/index.html');
      expect(upToDate(portolan(['build', '--catalog', catalog, '--out', out, '--cache', cache, '--base', '/portal/']))).toBe(false);
    },
  );

  it('gives the bytes of a build without a cache when an entry of each of the build steps is corrupt', { timeout: 300_000 }, async () => {
    const [cache, work] = [await tempDir('cache'), await tempDir('work')];
    const build = (name: string, cacheArgs: string[]) => buildInto(fixture, work, name, cacheArgs);
    const uncached = await build('uncached', ['--no-cache']);
    await build('first', ['--cache', cache]);
    // The fixture hides nothing from its public build, so the audit keeps nothing (the leak test corrupts its entries).
    const kinds = ['pages', 'page-outcomes', 'search-inputs', 'index', 'downloads'];
    for (const kind of kinds) {
      const entries = (await readdir(path.join(cache, kind))).filter((name) => name.endsWith('.entry')).sort();
      expect(entries.length, kind).toBeGreaterThan(0);
      const file = path.join(cache, kind, entries[0]!);
      const bytes = await readFile(file);
      // The payload changed, its length kept: only the entry's sha256 tells.
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
      await writeFile(file, bytes);
    }
    await writeFile(path.join(cache, 'index', (await readdir(path.join(cache, 'index')))[0]!), 'not an entry');
    const corrupt = await build('corrupt', ['--cache', cache]);
    expect(differingFiles(uncached.files, corrupt.files)).toEqual([]);
  });

  it('still finds a leak when only the hidden terms change: an internal API added whose name a public page holds', { timeout: 300_000 }, async () => {
    const [catalog, cache, work] = [await tempDir('catalog'), await tempDir('catalog-cache'), await tempDir('work')];
    await cp(fixture, catalog, { recursive: true });
    const edit = async (file: string, change: (text: string) => string) =>
      writeFile(path.join(catalog, file), change(await readFile(path.join(catalog, file), 'utf8')));
    await edit('party/order-api/api.yaml', (text) =>
      text.replace('purpose: Gives partners', 'purpose: Reconciled by the Ledger Reconciliation API. Gives partners'),
    );
    const build = (name: string, cacheArgs: string[]) => portolan(['build', '--catalog', catalog, '--out', path.join(work, name), ...cacheArgs]);
    expect(build('clean', ['--cache', cache]).status).toBe(0);
    await cp(path.join(catalog, 'party/order-api'), path.join(catalog, 'party/ledger-api'), { recursive: true });
    await edit('party/ledger-api/api.yaml', (text) =>
      text.replace('name: Order API', 'name: Ledger Reconciliation API').replace('audience: public', 'audience: internal'),
    );
    const [warm, uncached] = [build('warm', ['--cache', cache]), build('uncached', ['--no-cache'])];
    expect(warm.status).toBe(1);
    expect(warm.stderr).toContain('apis/order-api/index.html');
    expect(warm.stderr).toContain('Ledger Reconciliation API');
    const leaks = (stderr: string) => stderr.split('\n').filter((line) => line.includes(' holds '));
    expect(leaks(warm.stderr)).toEqual(leaks(uncached.stderr));
    expect(uncached.status).toBe(1);
    for (const name of await readdir(path.join(cache, 'audit'))) await writeFile(path.join(cache, 'audit', name), 'not an entry');
    expect(leaks(build('corrupt-audit', ['--cache', cache]).stderr)).toEqual(leaks(uncached.stderr));
  });
});
