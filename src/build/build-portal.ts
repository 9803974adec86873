import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filterByAudience, isVisibleTo, type Audience } from '../audience/filter.ts';
import { hiddenGuideTerms, hiddenTerms, type HiddenTerm } from '../audience/hidden-terms.ts';
import { internalOnlyFiles, internalOnlyTerms } from '../audience/internal-only.ts';
import { auditOutput, sortLeaks, type Leak } from '../audience/leak-audit.ts';
import type { CacheOptions, CacheStats } from '../catalog/cache/contract-cache.ts';
import { codeFingerprint } from '../catalog/cache/portolan-version.ts';
import { stopContractWorkers } from '../catalog/contracts/run-contracts.ts';
import { strictly, type Diagnostic } from '../catalog/diagnostics.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { Catalog } from '../catalog/model.ts';
import { StageTimeout, Stopwatch, type StageTiming } from '../catalog/stopwatch.ts';
import { writeCatalogFiles } from '../publish/catalog-files.ts';
import { PolicyWriter } from '../publish/content-security.ts';
import { writeSitemap } from '../publish/sitemap.ts';
import { withoutDocuments, writeDownloads } from '../publish/downloads.ts';
import type { PublishCache } from '../publish/kept-files.ts';
import { writeMockAssets, writeTryItAssets } from '../publish/try-it-assets.ts';
import { kpiReport, lintSummaries, showsGovernance } from '../governance/build-governance.ts';
import { writeKpiFiles } from '../kpi/kpi-files.ts';
import { builtFiles, builtPages } from '../site/built-files.ts';
import { readGuides, readHomeContent, type GuideSummary } from '../site/content.ts';
import { describeSources } from '../site/source-info.ts';
import { pageInputs, type PageInputs } from '../site/page-inputs.ts';
import { hasTryIt } from '../site/try-it.ts';
import { checkLinks } from './broken-links.ts';
import { openBuildCaches, pruneBuildCaches } from './build-caches.ts';
import { folderDigest } from './folder-digest.ts';
import { PageCache } from './page-cache.ts';
import { passOverPages } from './pass-over-pages.ts';
import { renderInputDigests, renderInputsWriter } from './render-inputs.ts';
import { renderStep, type Rendered } from './render-step.ts';
import type { BuildSession } from './build-session.ts';
import { BuildStamps, inputsOf } from './up-to-date.ts';
import type { SearchWritten } from './search-feed.ts';
import { replaceFolder } from './staging.ts';
import { closeWorkFolders, openWorkFolders } from './work-folders.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a build is asked to do: the CLI's options, parsed. */
/** The longest one build step (the render, the index, …) may take; 1,000 APIs render in about 80 s on 2 cores. */
export const defaultStepTimeoutMs = 900_000;

export interface BuildOptions {
  catalog: string;
  content: string;
  out: string;
  /** The build's audience; undefined: the one portal.yaml names. */
  audience: Audience | undefined;
  base: string;
  site: string | undefined;
  contractTimeoutMs: number | undefined;
  /** The longest one step after the check may take (`defaultStepTimeoutMs` unless told). */
  stepTimeoutMs: number;
  /** Where contract outcomes are cached between builds; undefined: no cache. */
  cache: CacheOptions | undefined;
  /** Every warning (a broken link, an operation without a KO example…) is an error: the build stops and `--out` is left untouched. */
  strict?: boolean;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Called once the catalogue is checked and has no error, with its warnings, before the steps run. */
  onChecked?: (warnings: readonly Diagnostic[]) => void;
  /** One of a series of builds (`dev`): the contract workers stay loaded, Astro's content store is kept. */
  session?: BuildSession;
  /** YYYY-MM-DD: the day the KPIs measure sunsets from; default today (UTC). */
  buildDate?: string;
}

/** How a build ended; `--out` is replaced only when it is `built`. */
export type BuildOutcome =
  | { status: 'catalog-errors'; diagnostics: Diagnostic[] }
  | { status: 'leaks'; audience: Audience; leaks: Leak[] }
  | { status: 'stopped'; reason: string }
  | {
      status: 'built';
      audience: Audience;
      apis: number;
      timings: StageTiming[];
      /** The contracts from the cache; undefined without one. */
      cache: CacheStats | undefined;
      /** The page groups from the cache; undefined without one. */
      pages: Rendered | undefined;
      /** Nothing changed since the build that made `--out`, which was left as it is. */
      upToDate: boolean;
      /** What the steps after the check found (broken links), to print; the catalogue's warnings went to `onChecked`. */
      warnings: Diagnostic[];
    };

/**
 * Builds the portal: loads the catalogue, then runs the steps in order (audience, downloads,
 * catalogue files, render, one pass over the pages for the index, the policy and the audit, the
 * index written, try-it, the audit of every other file) into a staged folder, timed one by one,
 * and swaps it into `--out` only when every step succeeded and the audit found nothing.
 */
export async function buildPortal(options: BuildOptions): Promise<BuildOutcome> {
  const startedAt = Date.now();
  const caches = openBuildCaches(options.cache);
  const stamps = caches && new BuildStamps(caches.builds);
  const buildDate = options.buildDate ?? new Date().toISOString().slice(0, 10);
  // An internal build's KPIs count days to sunsets: the day is one of its inputs.
  const described = stamps && inputsOf(options.audience === 'public' || options.audience === 'partner' ? options : { ...options, buildDate });
  const previous = described && stamps!.upToDate(options.out, described);
  if (previous) {
    options.onChecked?.(previous.warnings);
    const timings = [
      { stage: 'up-to-date', ms: Date.now() - startedAt, count: previous.outputs.length, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) },
    ];
    return { status: 'built', audience: previous.audience, apis: previous.apis, timings, cache: undefined, pages: undefined, upToDate: true, warnings: [] };
  }
  const loaded = await loadCatalog(options.catalog, {
    keepDocuments: true,
    ...(options.contractTimeoutMs ? { contractTimeoutMs: options.contractTimeoutMs } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // The contract workers are done: their memory goes back before the rest of the work, unless
  // the next build of a session will need them soon.
  if (!options.session) await stopContractWorkers();
  const guides = await readGuides(options.content, options.catalog);
  const diagnostics = [...loaded.diagnostics, ...guides.diagnostics];
  if (!loaded.catalog || guides.diagnostics.some((d) => d.severity === 'error')) return { status: 'catalog-errors', diagnostics };
  if (options.strict && diagnostics.length > 0) return { status: 'catalog-errors', diagnostics: strictly(diagnostics) };
  options.onChecked?.(diagnostics);

  const watch = new Stopwatch(options.onProgress, options.stepTimeoutMs);
  const audience = options.audience ?? loaded.catalog.portal.audience;
  const folders = await openWorkFolders(options.out, projectRoot);
  const { staged } = folders;
  try {
    const known = new Map<string, string>();
    const { catalog, inputs, hidden } = await publishForAudience(
      loaded,
      guides.value,
      audience,
      options,
      staged,
      watch,
      caches && { folder: caches.downloads, written: known },
      buildDate,
    );
    const inputsDir = path.join(folders.work, 'inputs');
    const digests = renderInputDigests(inputs);
    const writeInputs = renderInputsWriter(inputs, inputsDir);
    const context = { code: renderedCode(), content: await folderDigest(options.content), base: options.base, site: options.site, audience };
    const session = options.session;
    const render = {
      projectRoot,
      inputsDir,
      contentDir: options.content,
      renderDir: folders.render,
      cacheDir: session?.astroCacheDir ?? path.join(folders.work, 'astro-cache'),
      // Astro's content store is rebuilt when the content changed, or in a cache folder of its own.
      syncContent: session?.syncedContent !== context.content,
      base: options.base,
      site: options.site,
    };
    const pageCache = caches && new PageCache(caches.rendered);
    const rendered = await watch.run(
      'render',
      async () => ({
        from: await renderStep({ input: render, digests, writeInputs, context, cache: pageCache }, staged),
        pages: (await builtPages(staged)).length,
      }),
      (done) => done.pages,
    );
    if (session && rendered.from.misses > 0) session.syncedContent = context.content;
    const policy = new PolicyWriter(catalog);
    const passed = await watch.run(
      'pages',
      () => passOverPages(staged, { policy, hidden, caches, base: options.base, glossary: catalog.glossary }),
      (p) => p.pages.length,
    );
    let indexed: SearchWritten;
    try {
      indexed = await watch.run(
        'index',
        () => passed.search.write(staged),
        (written) => written.pages,
      );
    } finally {
      await passed.search.close();
    }
    if (catalog.apis.some(hasTryIt)) {
      await watch.run(
        'try-it',
        () => writeTryItAssets(staged),
        (files) => files,
      );
    }
    if (options.site) {
      const address = options.site;
      await watch.run(
        'sitemap',
        () => writeSitemap(staged, address, options.base),
        (pages) => pages,
      );
    }
    await policy.writeHeaders(staged, options.base);
    const linkWarnings = await watch.run(
      'links',
      () => checkLinks(passed.links, staged, { catalog, base: options.base, out: options.out, catalogDir: options.catalog, contentDir: options.content }),
      (found) => found.length,
    );
    if (options.strict && linkWarnings.length > 0) {
      await rm(staged, { recursive: true, force: true });
      return { status: 'catalog-errors', diagnostics: strictly(linkWarnings) };
    }
    const rest = await watch.run(
      'audit',
      () => auditOutput(staged, hidden, new Set(passed.pages), caches && { folder: caches.audit, shas: new Map([...known, ...(indexed.files ?? [])]) }),
      (found) => found.length,
    );
    const leaks = sortLeaks([...passed.leaks, ...rest, ...internalOnlyFiles(await builtFiles(staged), audience)]);
    if (leaks.length > 0) {
      await rm(staged, { recursive: true, force: true });
      return { status: 'leaks', audience, leaks };
    }
    // The swap, the stamp of what was built, the work folders and the caches' pruning: the rest of the build's time.
    await watch.run(
      'swap',
      async () => {
        const { oldRemoved } = await replaceFolder(staged, options.out);
        // Removing the old output and the work folders is mostly the disk's time: the rest goes on meanwhile.
        const closed = closeWorkFolders(folders);
        if (described)
          stamps!.record(options.out, {
            inputs: described.digest,
            startedAt,
            warnings: [...diagnostics, ...linkWarnings],
            audience,
            apis: catalog.apis.length,
          });
        pruneBuildCaches(caches);
        await Promise.all([oldRemoved, closed]);
      },
      () => 1,
    );
    return {
      status: 'built',
      audience,
      apis: catalog.apis.length,
      timings: [...loaded.timings, ...watch.timings],
      cache: loaded.cache,
      pages: caches ? rendered.from : undefined,
      upToDate: false,
      warnings: linkWarnings,
    };
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    if (error instanceof StageTimeout) return { status: 'stopped', reason: error.message };
    throw error;
  } finally {
    await closeWorkFolders(folders);
  }
}

/**
 * The steps that need the contract documents: the audience's catalogue, its downloads and the
 * catalogue files. Only the catalogue without documents, what the pages read and the hidden
 * terms outlive them, so the documents' memory goes back before the render.
 */
async function publishForAudience(
  loaded: { catalog?: Catalog },
  allGuides: readonly GuideSummary[],
  audience: Audience,
  options: BuildOptions,
  staged: string,
  watch: Stopwatch,
  downloads: PublishCache | undefined,
  buildDate: string,
): Promise<{ catalog: Catalog; inputs: PageInputs; hidden: HiddenTerm[] }> {
  // The design rules read the contract files on their own, in worker threads: they run while this
  // thread writes the downloads and catalogue files, which would leave a core idle.
  const linting = showsGovernance(loaded.catalog!, audience)
    ? watch.begin(
        'lint',
        () => lintSummaries(options.catalog, { cache: options.cache, today: buildDate, keepWorkers: options.session !== undefined }),
        (summaries) => summaries.size,
      )
    : undefined;
  const catalog = await watch.run(
    'audience',
    async () => filterByAudience(loaded.catalog!, audience),
    (c) => c.apis.length,
  );
  // What the build must not hold is known from the whole catalogue; the audit looks for it at the end.
  const guides = allGuides.filter((guide) => isVisibleTo(guide.audience, audience));
  const hidden = [...hiddenTerms(loaded.catalog!, catalog), ...hiddenGuideTerms(allGuides, audience), ...internalOnlyTerms(audience)];
  // Only the filtered catalogue is used from here; the unfiltered one is let go.
  delete loaded.catalog;
  await watch.run(
    'downloads',
    () => writeDownloads(catalog, staged, downloads),
    (files) => files,
  );
  // The console's contracts and the mock data are made from the contract documents, let go below.
  if (catalog.apis.some(hasTryIt)) {
    await watch.run(
      'mock',
      () => writeMockAssets(catalog, staged, downloads),
      (files) => files,
    );
  }
  const home = await readHomeContent(options.content);
  const location = { base: options.base, site: options.site };
  await watch.run(
    'catalog',
    () => writeCatalogFiles(catalog, { location, guides, tagline: home.tagline }, staged),
    (files) => files,
  );
  const lint = await linting?.wait();
  const kpis =
    audience === 'internal'
      ? await watch.run(
          'kpis',
          async () => {
            const report = await kpiReport(catalog, lint, buildDate, options.catalog);
            await writeKpiFiles(report, staged);
            return report;
          },
          (report) => report.domains.length + 1,
        )
      : undefined;
  const kept = withoutDocuments(catalog);
  const inputs = pageInputs(kept, home, describeSources(catalog, options.catalog), lint);
  return { catalog: kept, inputs: kpis ? { ...inputs, kpis } : inputs, hidden };
}

/** The code that decides the pages: Portolan's sources, its public files and Astro's configuration. */
function renderedCode(): string {
  return codeFingerprint(['src', 'public', 'astro.config.mjs']);
}
