import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stopContractWorkers, warmContractWorker } from '../catalog/contracts/run-contracts.ts';
import { stopLintWorkers } from '../lint/lint-pool.ts';

/**
 * What the builds of one `dev` keep between them, so that a save costs only what it changed:
 * the contract workers stay loaded, and Astro keeps its cache folder (its content store), so a
 * build whose content folder did not change skips Astro's content sync.
 */
export interface BuildSession {
  /** Astro's cache folder for every build of the session. */
  astroCacheDir: string;
  /** The digest of the content folder the last Astro render synced; undefined before the first. */
  syncedContent: string | undefined;
}

/** Opens a session: Astro's cache folder in the system's temp folder, removed by `closeBuildSession`. */
export async function openBuildSession(): Promise<BuildSession> {
  return { astroCacheDir: await mkdtemp(path.join(os.tmpdir(), 'portolan-session-')), syncedContent: undefined };
}

/** After a build: a contract worker waits, loaded, for the next save. */
export async function afterSessionBuild(): Promise<void> {
  await warmContractWorker();
}

/** Stops the session's workers and removes its cache folder. */
export async function closeBuildSession(session: BuildSession): Promise<void> {
  await stopContractWorkers();
  await stopLintWorkers();
  await rm(session.astroCacheDir, { recursive: true, force: true });
}
