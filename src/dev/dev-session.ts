import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Audience } from '../audience/filter.ts';
import { buildPortal, defaultStepTimeoutMs, type BuildOutcome } from '../build/build-portal.ts';
import { afterSessionBuild, closeBuildSession, openBuildSession } from '../build/build-session.ts';
import type { CacheOptions } from '../catalog/cache/contract-cache.ts';
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { LiveReload, type ShownDiagnostic } from './live-reload.ts';
import { RebuildLoop } from './rebuild-loop.ts';

/** What `portolan dev` works on. */
export interface DevOptions {
  catalog: string;
  content: string;
  /** The dev output folder, replaced by each good build; never inside the catalogue. */
  out: string;
  audience: Audience | undefined;
  cache: CacheOptions | undefined;
  /** Told each build's outcome and how long it took. */
  onBuild: (outcome: BuildOutcome, ms: number) => void;
  /** Told what failed in a build that threw (a bug, not a catalogue mistake); the session goes on. */
  onFailure: (error: unknown) => void;
}

/** A running `dev`: the page events, and how to stop watching. */
export interface DevSession {
  live: LiveReload;
  /** The first build's outcome. */
  first: BuildOutcome;
  close(): Promise<void>;
}

/** How long the files must stay unchanged before a rebuild: an editor's save is a burst of writes. */
const quietMs = 120;

/**
 * Builds once, then watches the catalogue and the content folder and rebuilds on each save (the
 * build's caches make that the changed parts only). A clean build tells the open pages to
 * reload; a failed check tells them its diagnostics and the last good build stays served. A
 * half-written file is only a failed check: the next save builds again.
 */
export async function startDevSession(options: DevOptions): Promise<DevSession> {
  const live = new LiveReload();
  const session = await openBuildSession();
  const build = async () => {
    const started = performance.now();
    const outcome = await buildPortal({
      catalog: options.catalog,
      content: options.content,
      out: options.out,
      audience: options.audience,
      base: '/',
      site: undefined,
      contractTimeoutMs: undefined,
      stepTimeoutMs: defaultStepTimeoutMs,
      cache: options.cache,
      session,
    });
    options.onBuild(outcome, performance.now() - started);
    live.send(eventOf(outcome, options.catalog));
    // Loading a worker's parsers after the page is told, not while the reader waits for it.
    await afterSessionBuild();
    return outcome;
  };
  const first = await build();
  const loop = new RebuildLoop(build, (result) => result.ok || options.onFailure(result.error), quietMs);
  const watcher: FSWatcher = watch([options.catalog, options.content], {
    ignoreInitial: true,
    ignored: (file) => /(^|[\\/])\.(git|astro)([\\/]|$)/.test(file),
  });
  watcher.on('all', () => loop.schedule());
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    live,
    first,
    async close() {
      loop.stop();
      await watcher.close();
      await loop.idle();
      await closeBuildSession(session);
      live.close();
    },
  };
}

/** What the open pages are told of a build. */
function eventOf(outcome: BuildOutcome, catalog: string) {
  if (outcome.status === 'built') return { type: 'built' as const };
  if (outcome.status === 'catalog-errors')
    return { type: 'errors' as const, diagnostics: outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => shown(d, catalog)) };
  const message =
    outcome.status === 'leaks'
      ? `the build held ${outcome.leaks.length} strings the ${outcome.audience} audience must not see; see the terminal`
      : outcome.reason;
  return { type: 'errors' as const, diagnostics: [{ location: 'build', severity: 'error' as const, code: `build/${outcome.status}`, message }] };
}

/** A diagnostic with its path from the current folder, as the terminal prints it. */
function shown(d: Diagnostic, catalog: string): ShownDiagnostic {
  const file = path.relative(process.cwd(), path.join(catalog, d.file)).split(path.sep).join('/');
  return { location: `${file}:${d.line}:${d.column}`, severity: d.severity, code: d.code, message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
}
