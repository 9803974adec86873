import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { contentDirVariable } from '../integrations/portolan.ts';
import { pageInputsVariable, renderSetVariable, type RenderSet } from '../site/page-data.ts';

/** The `import.meta.env` values Astro sets from its configuration. */
const astroEnvValues = ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'];

/** What the render reads and where it writes: `renderDir` is its own working folder, emptied by the caller. */
export interface RenderInput {
  projectRoot: string;
  /** The folder render-inputs.ts wrote. */
  inputsDir: string;
  contentDir: string;
  renderDir: string;
  cacheDir: string;
  /** Whether Astro syncs its content store first; it may skip it only when `cacheDir` holds a store of the same content. */
  syncContent: boolean;
  base: string;
  site: string | undefined;
}

/** A share of the render: which pages one process makes, in a working folder of its own. */
export interface RenderShare {
  input: RenderInput;
  set: RenderSet;
}

/**
 * From this many APIs to render, two processes beat one on two cores. Each bundles the site
 * (~5 s) before it renders its pages (2026-12-04, 2 cores: 200 APIs 5.1 → 6.1 s, 1,250 APIs
 * 19.2 → 14.7 s, the same bytes).
 */
export const twoProcessesFrom = 500;

/**
 * How many processes render `apis` APIs' pages: PORTOLAN_RENDER_PROCESSES when set, else two
 * from `twoProcessesFrom` APIs on a machine of two cores or more, else one. Each process bundles
 * the site and holds the site data (the summaries), never the contracts: each API's are read by
 * its own pages.
 */
export function renderProcesses(apis: number): number {
  const chosen = Number(process.env['PORTOLAN_RENDER_PROCESSES']);
  if (Number.isInteger(chosen) && chosen >= 1) return chosen;
  return apis >= twoProcessesFrom && os.availableParallelism() >= 2 ? 2 : 1;
}

/**
 * Splits a render set between `count` processes: every n-th API each, the shared pages to the
 * first. Each share works in a folder of its own under `input.renderDir`.
 */
export function shareRender(input: RenderInput, set: RenderSet, count: number): RenderShare[] {
  if (count === 1 || set.apis.length < count) return [{ input, set }];
  return Array.from({ length: count }, (_, index) => ({
    input: { ...input, renderDir: path.join(input.renderDir, `${index}`), cacheDir: path.join(input.cacheDir, `${index}`), syncContent: true },
    set: { shared: set.shared && index === 0, apis: set.apis.filter((_, at) => at % count === index) },
  }));
}

/**
 * Renders each share, the first in this process and each other in a child process; returns the
 * folders of their pages. This process's heap has room by then (the contract documents are let
 * go before the render): a child for the first share too would add its whole heap to the peak.
 */
export async function renderShares(shares: readonly RenderShare[]): Promise<string[]> {
  return Promise.all(shares.map((share, index) => (index === 0 ? renderPages(share) : renderInProcess(share))));
}

/** Renders a share's pages with Astro in this process; returns the folder that holds them. */
export async function renderPages(share: RenderShare): Promise<string> {
  const { input, set } = share;
  await mkdir(input.renderDir, { recursive: true });
  const setFile = path.join(input.renderDir, 'render-set.json');
  await writeFile(setFile, JSON.stringify(set));
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  // Astro reads its own `import.meta.env` values from the environment first: a BASE_URL or SITE
  // set in the shell (or by a test runner) would win over --base and --site in every page.
  for (const name of astroEnvValues) delete process.env[name];
  process.env[pageInputsVariable] = input.inputsDir;
  process.env[renderSetVariable] = setFile;
  process.env[contentDirVariable] = input.contentDir;
  const { build } = await import('astro');
  const cwd = process.cwd();
  // Astro stages its prerender bundle in `<cwd>/.astro/`: two builds at once would delete each
  // other's chunks, and a contributor's repository would get an `.astro` folder.
  process.chdir(input.renderDir);
  try {
    // Astro renames its bundle's files into the output: across file systems (an --out on
    // another disk) that fails, so it renders beside its bundle and the pages are moved after.
    const rendered = path.join(input.renderDir, 'site');
    // `sync` is the builder's own option (AstroBuilder), passed through by `build` though its
    // public type leaves it out; skipping the content sync saves about a second of a `dev` save.
    const builder: Parameters<typeof build>[1] & { sync?: boolean } = { sync: input.syncContent };
    await build(
      {
        root: input.projectRoot,
        outDir: rendered,
        cacheDir: input.cacheDir,
        base: input.base,
        ...(input.site ? { site: input.site } : {}),
        logLevel: 'warn',
      },
      builder,
    );
    return rendered;
  } finally {
    process.chdir(cwd);
  }
}

/** What a render process answers: the folder of its pages, or why it failed. */
export type RenderReply = { folder: string } | { error: string };

/** Renders one share of the pages in a child process (render-process.ts). */
function renderInProcess(share: RenderShare): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./render-process.ts', import.meta.url));
    let reply: RenderReply | undefined;
    child.once('message', (message: RenderReply) => {
      reply = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'folder' in reply) resolve(reply.folder);
      else reject(new Error(reply?.error ?? `a render process stopped (${signal ?? `exit status ${code}`})`));
    });
    child.send(share);
  });
}
