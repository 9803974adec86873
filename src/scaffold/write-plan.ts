import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScaffoldPlan } from './plan.ts';

/**
 * Writes a plan all or nothing: a new folder is written under a hidden staging name (which
 * discovery skips) and renamed into place; teams.yaml is replaced by a rename too.
 */
export async function writePlan(root: string, plan: ScaffoldPlan): Promise<string[]> {
  if ('teamsFile' in plan) {
    const target = path.join(root, plan.teamsFile);
    const staged = `${target}.portolan-new`;
    await writeFile(staged, plan.text);
    await rename(staged, target);
    return [plan.teamsFile];
  }
  const target = path.join(root, plan.folder);
  if (await stat(target).catch(() => undefined)) throw new Error(`${plan.folder} already exists`);
  const staged = path.join(path.dirname(target), `.portolan-new-${path.basename(target)}`);
  try {
    for (const [file, text] of Object.entries(plan.files)) {
      await mkdir(path.dirname(path.join(staged, file)), { recursive: true });
      await writeFile(path.join(staged, file), text, { flag: 'wx' });
    }
    await rename(staged, target);
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
  return Object.keys(plan.files).map((file) => `${plan.folder}/${file}`);
}
