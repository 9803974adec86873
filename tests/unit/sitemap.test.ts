import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const catalog = path.join(projectRoot, 'tests/fixtures/catalogs/valid');
const outs: string[] = [];

async function build(...options: string[]): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-sitemap-'));
  outs.push(out);
  const result = spawnSync(process.execPath, ['bin/portolan.js', 'build', '--no-cache', '--catalog', catalog, '--out', out, ...options], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

afterAll(async () => {
  await Promise.all(outs.map((out) => rm(out, { recursive: true, force: true })));
});

describe('the sitemap', () => {
  it('lists every page of the build at its absolute address, and not the 404 page', async () => {
    const out = await build('--audience', 'internal', '--site', 'https://developer.example.com', '--base', '/portal');
    const index = await readFile(path.join(out, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain('<loc>https://developer.example.com/portal/sitemap-0.xml</loc>');
    const listed = [...(await readFile(path.join(out, 'sitemap-0.xml'), 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = (await readdir(out, { recursive: true }))
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `https://developer.example.com/portal/${path.dirname(file) === '.' ? '' : `${path.dirname(file)}/`}`);
    expect(listed.sort()).toEqual(pages.sort());
    expect(listed).toContain('https://developer.example.com/portal/apis/customer-api/');
    expect(listed.some((url) => url?.includes('404'))).toBe(false);
  }, 60_000);

  it('is not written without --site, since its addresses must be absolute', async () => {
    const out = await build('--audience', 'internal');
    const files = await readdir(out);
    expect(files.filter((file) => file.startsWith('sitemap'))).toEqual([]);
    expect(files).toContain('404.html');
  }, 60_000);
});
