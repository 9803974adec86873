import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/catalogs/portfolio-rules');
const folders: string[] = [];

function copies(): { catalog: string; cache: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portolan-positions-'));
  folders.push(dir);
  const catalog = path.join(dir, 'catalog');
  cpSync(fixture, catalog, { recursive: true });
  return { catalog, cache: path.join(dir, 'cache') };
}

const located = async (catalog: string, cache?: string) =>
  (await loadCatalog(catalog, { diagnosticsOnly: true, ...(cache ? { cache: { dir: cache } } : {}) })).diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.code}`,
  );

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the positions of findings on metadata files, kept in the cache', () => {
  it('give a warm run the lines and columns of a run without a cache', async () => {
    const { catalog, cache } = copies();
    const uncached = await located(catalog);
    expect(uncached).toContain('party/accounts/billing-account-api/api.yaml:13:8 rule/service-owner');
    expect(await located(catalog, cache)).toEqual(uncached);
    expect(readdirSync(path.join(cache, 'positions')).filter((f) => f.endsWith('.entry'))).toHaveLength(1);
    expect(await located(catalog, cache)).toEqual(uncached);
  });

  it('lose an entry no run used for two weeks, such as an older code’s', async () => {
    const { catalog, cache } = copies();
    await located(catalog, cache);
    const stale = path.join(cache, 'positions', `${'0'.repeat(64)}.entry`);
    writeFileSync(stale, 'an entry of an older Portolan');
    const weeksAgo = new Date(Date.now() - 15 * 24 * 3600 * 1000);
    utimesSync(stale, weeksAgo, weeksAgo);
    await located(catalog, cache);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(path.join(cache, 'positions')).filter((f) => f.endsWith('.entry'))).toHaveLength(1);
  });

  it('follow an edited file to its new line', async () => {
    const { catalog, cache } = copies();
    await located(catalog, cache);
    const file = path.join(catalog, 'party/accounts/billing-account-api/api.yaml');
    writeFileSync(file, `# moved down by two lines\n\n${readFileSync(file, 'utf8')}`);
    expect(await located(catalog, cache)).toContain('party/accounts/billing-account-api/api.yaml:15:8 rule/service-owner');
    expect(await located(catalog, cache)).toEqual(await located(catalog));
  });

  it('are ignored when their entry is truncated or its bytes changed', async () => {
    const { catalog, cache } = copies();
    const uncached = await located(catalog);
    await located(catalog, cache);
    const folder = path.join(cache, 'positions');
    const [entry] = readdirSync(folder).filter((f) => f.endsWith('.entry'));
    const bytes = readFileSync(path.join(folder, entry!));
    writeFileSync(path.join(folder, entry!), bytes.subarray(0, bytes.length >> 1));
    expect(await located(catalog, cache)).toEqual(uncached);
    const flipped = readFileSync(path.join(folder, entry!));
    const at = flipped.length - 3;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x01, at);
    writeFileSync(path.join(folder, entry!), flipped);
    expect(await located(catalog, cache)).toEqual(uncached);
  });

  it('share the one warning of a cache folder that cannot be written with the contracts', async () => {
    const { catalog, cache } = copies();
    writeFileSync(cache, 'a file where the cache folder should be');
    const warnings: string[] = [];
    const { diagnostics } = await loadCatalog(catalog, { diagnosticsOnly: true, cache: { dir: cache, onWarning: (line) => warnings.push(line) } });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(await located(catalog));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^the cache folder ".*" cannot be written/);
  });
});
