import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, hashFiles } from './file-hashes.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];

/**
 * What may differ between two machines building the same commit: the second build runs from
 * another folder, with another locale and time zone, checks its contracts in worker threads,
 * renders its pages in two processes and reads them in two worker threads.
 */
const otherMachine = {
  LANG: 'sv_SE.UTF-8',
  LC_ALL: 'sv_SE.UTF-8',
  TZ: 'Pacific/Kiritimati',
  PORTOLAN_THREADS: '2',
  PORTOLAN_RENDER_PROCESSES: '2',
  PORTOLAN_PAGE_THREADS: '2',
};

/** Builds the example catalogue for the internal audience into a new temporary folder and returns that folder. */
async function build(cwd: string, env: Record<string, string> = {}): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-deterministic-'));
  folders.push(out);
  const args = [
    'build',
    // Both builds check every contract: a cache hit would skip the worker threads this test compares.
    '--no-cache',
    '--catalog',
    path.join(projectRoot, 'catalog'),
    '--content',
    path.join(projectRoot, 'content'),
    '--audience',
    'internal',
    '--out',
    out,
  ];
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('two builds of the same catalogue and commit', () => {
  it('are byte-identical, file for file', { timeout: 300_000 }, async () => {
    const first = await hashFiles(await build(projectRoot));
    const second = await hashFiles(await build(os.tmpdir(), otherMachine));
    // The comparison means something only if the build wrote the whole portal.
    expect(first.size).toBeGreaterThan(200);
    expect([...first.keys()]).toEqual(expect.arrayContaining(['index.html', 'catalog.json', 'pagefind/pagefind-entry.json']));
    expect(differingFiles(first, second), 'files that differ between the two builds').toEqual([]);
  });
});
