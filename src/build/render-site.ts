import { fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contentDirVariable, siteFileVariable } from '../integrations/portolan.ts';
import { renderShardVariable } from '../site/render-shard.ts';
import { moveInto } from './staging.ts';

/** What the render reads and where it writes: `renderDir` is its own working folder, emptied by the caller. */
export interface RenderInput {
  projectRoot: string;
  siteFile: string;
  contentDir: string;
  renderDir: string;
  cacheDir: string;
  base: string;
  site: string | undefined;
}

/**
 * How many processes render: one, unless PORTOLAN_RENDER_PROCESSES says more. Two processes
 * render 1,250 APIs in 11.4 s instead of 14.2 s on 2 cores, but each bundles the site and holds the
 * site data: the build's processes then peak at 3.4 GB together instead of 2.0 GB.
 */
export function renderProcesses(): number {
  const chosen = Number(process.env['PORTOLAN_RENDER_PROCESSES']);
  return Number.isInteger(chosen) && chosen >= 1 ? chosen : 1;
}

/**
 * Renders the pages with Astro into `outDir`: in this process, or split between `processes`
 * processes, each rendering every n-th page of each route (render-shard.ts) in a folder of its
 * own; their pages are then moved into `outDir` one process after the other.
 */
export async function renderSite(input: RenderInput, outDir: string, processes: number): Promise<void> {
  if (processes === 1) {
    await moveInto(await renderPages(input), outDir);
    return;
  }
  const shares = Array.from({ length: processes }, (_, index) => ({
    ...input,
    renderDir: path.join(input.renderDir, `${index}`),
    cacheDir: path.join(input.cacheDir, `${index}`),
  }));
  const rendered = await Promise.all(shares.map((share, index) => renderInProcess(share, `${index}/${processes}`)));
  for (const folder of rendered) await moveInto(folder, outDir);
}

/** Renders with Astro in this process; returns the folder that holds the pages. */
export async function renderPages(input: RenderInput): Promise<string> {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  process.env[siteFileVariable] = input.siteFile;
  process.env[contentDirVariable] = input.contentDir;
  await mkdir(input.renderDir, { recursive: true });
  const { build } = await import('astro');
  const cwd = process.cwd();
  // Astro stages its prerender bundle in `<cwd>/.astro/`: two builds at once would delete each
  // other's chunks, and a contributor's repository would get an `.astro` folder.
  process.chdir(input.renderDir);
  try {
    // Astro renames its bundle's files into the output: across file systems (an --out on
    // another disk) that fails, so it renders beside its bundle and the pages are moved after.
    const rendered = path.join(input.renderDir, 'site');
    await build({
      root: input.projectRoot,
      outDir: rendered,
      cacheDir: input.cacheDir,
      base: input.base,
      ...(input.site ? { site: input.site } : {}),
      logLevel: 'warn',
    });
    return rendered;
  } finally {
    process.chdir(cwd);
  }
}

/** What a render process answers: the folder of its pages, or why it failed. */
export type RenderReply = { folder: string } | { error: string };

/** Renders one share of the pages in a child process (render-process.ts). */
function renderInProcess(input: RenderInput, shard: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./render-process.ts', import.meta.url), { env: { ...process.env, [renderShardVariable]: shard } });
    let reply: RenderReply | undefined;
    child.once('message', (message: RenderReply) => {
      reply = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'folder' in reply) resolve(reply.folder);
      else reject(new Error(reply?.error ?? `the render process ${shard} stopped (${signal ?? `exit status ${code}`})`));
    });
    child.send(input);
  });
}
