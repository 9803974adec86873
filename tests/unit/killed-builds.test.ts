import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderParent } from '../../src/build/work-folders.ts';
import { generateCatalog } from '../../scripts/bench/generate-catalog.ts';
import { hashFiles } from './file-hashes.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(projectRoot, 'bin/portolan.js');
let parent: string;
let catalog: string;
let tmp: string;
let out: string;
let env: NodeJS.ProcessEnv;
let previous: Map<string, string>;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-killed-'));
  catalog = path.join(parent, 'catalog');
  tmp = path.join(parent, 'tmp');
  out = path.join(parent, 'dist');
  await mkdir(catalog);
  await mkdir(tmp);
  // Big enough that the contracts, the render and the pages pass each take a while.
  generateCatalog(catalog, 30);
  env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
  expect(build().status).toBe(0);
  previous = await hashFiles(out);
}, 120_000);

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

function build() {
  return spawnSync(process.execPath, [cli, 'build', '--no-cache', '--catalog', catalog, '--out', out], { cwd: projectRoot, env, encoding: 'utf8' });
}

/** Whatever a build leaves in the three places it works in: beside --out, in the temp folder, in the project's render folder. */
async function leftovers(): Promise<string[]> {
  const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).map((name) => path.join(dir, name));
  const beside = (await names(parent)).filter((name) => path.basename(name).startsWith(`${path.basename(out)}.`));
  const render = (await names(renderParent(projectRoot))).filter((name) => !name.endsWith(`/${process.pid}`));
  return [...beside, ...(await names(tmp)), ...render.filter((name) => ownedBy(name, builds))];
}

/** The process ids of this file's builds: other test files build at the same time, into the same render folder. */
const builds = new Set<number>();
const ownedBy = (folder: string, pids: Set<number>) => pids.has(Number(/^(\d+)-/.exec(path.basename(folder))?.[1]));

/** The processes still alive in a process group (the killed build's children would be). */
async function aliveIn(group: number): Promise<number[]> {
  const alive: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces, in parentheses): state, ppid, pgrp.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') alive.push(Number(entry));
  }
  return alive;
}

async function until(condition: () => Promise<boolean> | boolean, tries = 600): Promise<void> {
  for (let i = 0; i < tries && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Starts a build and kills it (SIGKILL, the build process alone) as soon as it reports the end of `stage`. */
async function killAfter(stage: string): Promise<{ exitedAlone: boolean; group: number }> {
  // In a process group of its own, so that its children (the Astro render, Pagefind) can be found after it.
  const child = spawn(process.execPath, [cli, 'build', '--no-cache', '--catalog', catalog, '--out', out], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pid = child.pid!;
  builds.add(pid);
  let exitedAlone = false;
  let killed = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  await new Promise<void>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && new RegExp(`^${stage}\\s+\\d`, 'm').test(stderr)) {
        killed = child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', () => {
      exitedAlone = !killed;
      resolve();
    });
  });
  await exited;
  return { exitedAlone, group: pid };
}

describe('a build killed at any stage', () => {
  for (const [stage, during] of [
    ['validate', 'the contracts'],
    ['downloads', 'the render'],
    ['render', 'the pages pass and the index'],
  ] as const) {
    it(`during ${during}: leaves the previous output as it was, no process behind, and nothing the next build does not remove`, async () => {
      const { exitedAlone, group } = await killAfter(stage);
      expect(exitedAlone, `the build ended before it could be killed after ${stage}`).toBe(false);
      expect(await hashFiles(out)).toEqual(previous);
      // Its children notice it is gone and end (a render process on its IPC channel closing, Pagefind on its input).
      await until(async () => (await aliveIn(group)).length === 0);
      expect(await aliveIn(group)).toEqual([]);

      const next = build();
      builds.add(next.pid);
      expect(next.status, next.stderr).toBe(0);
      expect(await leftovers()).toEqual([]);
      // The next build made the same portal.
      expect(await hashFiles(out)).toEqual(previous);
    }, 120_000);
  }
});
