import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty folder in the system's temp folder, removed after the test. */
export async function tempFolder(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `portolan-${name}-`));
  made.push(dir);
  return dir;
}
