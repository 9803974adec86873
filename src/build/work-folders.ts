import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../catalog/is-running.ts';

/** The folders one build works in, each named after its process so a later build can tell a dead one's from a running one's. */
export interface WorkFolders {
  /** The output being built, beside `--out` so the final swap is a rename on one file system. */
  staged: string;
  /** The site data handed to Astro and Astro's cache, in the system's temp folder. */
  work: string;
  /** Astro's working folder: inside node_modules, so its bundle finds the project's packages. */
  render: string;
}

/** Where renders work: Astro's bundle must sit under the project's node_modules to import its packages. */
export const renderParent = (projectRoot: string): string => path.join(projectRoot, 'node_modules', '.cache', 'portolan-render');

const workPrefix = 'portolan-build-';

/** Creates a build's folders, first removing those that builds killed or crashed before left behind. */
export async function openWorkFolders(out: string, projectRoot: string): Promise<WorkFolders> {
  const renders = renderParent(projectRoot);
  await mkdir(renders, { recursive: true });
  await Promise.all([
    removeDeadFolders(path.dirname(out), `${path.basename(out)}.tmp-`),
    removeDeadFolders(path.dirname(out), `${path.basename(out)}.old-`),
    removeDeadFolders(os.tmpdir(), workPrefix),
    removeDeadFolders(renders, ''),
  ]);
  return {
    staged: `${out}.tmp-${process.pid}`,
    work: await mkdtemp(path.join(os.tmpdir(), `${workPrefix}${process.pid}-`)),
    render: await mkdtemp(path.join(renders, `${process.pid}-`)),
  };
}

/** Removes the site data and Astro's folder; the staged output is swapped in or removed by the caller. */
export async function closeWorkFolders(folders: WorkFolders): Promise<void> {
  await Promise.all([rm(folders.work, { recursive: true, force: true }), rm(folders.render, { recursive: true, force: true })]);
}

/** Removes the entries of `dir` named `<prefix><pid>…` whose process no longer runs. */
async function removeDeadFolders(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const dead = names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    return Number.isInteger(pid) && pid > 0 && !isRunning(pid);
  });
  await Promise.all(dead.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}
