import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderParent } from '../../src/build/work-folders.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(projectRoot, 'bin/portolan.js');
const catalog = path.join(projectRoot, 'tests/fixtures/catalogs/valid');

/** The folders a build with process id `pid` works in. */
async function foldersOf(pid: number, out: string, tmp: string) {
  const named = async (dir: string, prefix: string) => (await readdir(dir).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
  return {
    beside: await named(path.dirname(out), `${path.basename(out)}.tmp-${pid}`),
    temp: await named(tmp, `portolan-build-${pid}-`),
    render: await named(renderParent(projectRoot), `${pid}-`),
  };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a build killed half-way', () => {
  it('leaves folders that the next build removes, while a running build keeps its own', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-work-folders-'));
    const tmp = path.join(parent, 'tmp');
    const out = path.join(parent, 'dist');
    await mkdir(tmp);
    const env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
    try {
      // Without the cache, so that the build renders with Astro (a warm cache would make it end before it is killed).
      const killed = spawn(process.execPath, [cli, 'build', '--no-cache', '--catalog', catalog, '--out', out], { cwd: projectRoot, env, stdio: 'ignore' });
      const pid = killed.pid!;
      // Killed once every work folder exists: the staged output is made by the first step that writes into it.
      await until(async () => Object.values(await foldersOf(pid, out, tmp)).every((found) => found.length > 0));
      const exited = new Promise((resolve) => killed.once('exit', resolve));
      killed.kill('SIGKILL');
      await exited;
      const left = await foldersOf(pid, out, tmp);
      expect(left.beside).toHaveLength(1);
      expect(left.temp).toHaveLength(1);
      expect(left.render).toHaveLength(1);

      // A folder of a build still running (this test's process) is not another build's to remove.
      const running = `${out}.tmp-${process.pid}`;
      await mkdir(running);
      const next = spawnSync(process.execPath, [cli, 'build', '--no-cache', '--catalog', catalog, '--out', out], { cwd: projectRoot, env, encoding: 'utf8' });
      expect(next.stderr).not.toMatch(/\n\s+at /);
      expect(next.status).toBe(0);
      expect(await foldersOf(pid, out, tmp)).toEqual({ beside: [], temp: [], render: [] });
      expect(await foldersOf(next.pid, out, tmp)).toEqual({ beside: [], temp: [], render: [] });
      expect(existsSync(running)).toBe(true);
      expect(existsSync(path.join(out, 'index.html'))).toBe(true);
      // Nothing of a render is left in the project itself.
      const astro = await readdir(path.join(projectRoot, '.astro')).catch(() => [] as string[]);
      expect(astro.filter((name) => name.startsWith('render-'))).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
