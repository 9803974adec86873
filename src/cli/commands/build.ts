import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { filterByAudience } from '../../catalog/audience.ts';
import type { Catalog } from '../../catalog/model.ts';
import { countDiagnostics } from '../../catalog/diagnostics.ts';
import { hiddenTerms } from '../../catalog/hidden-terms.ts';
import { auditOutput, type Leak } from '../../site/leak-audit.ts';
import { writeContentSecurity } from '../../site/content-security.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { stopContractWorkers } from '../../catalog/contracts/run-contracts.ts';
import { writeCatalogFiles } from '../../site/catalog-files.ts';
import { readGuides, readHomeContent } from '../../site/content.ts';
import { withoutDocuments, writeDownloads } from '../../site/downloads.ts';
import { describeSources } from '../../site/source-info.ts';
import { hasTryIt } from '../../site/try-it.ts';
import { writeMockAssets, writeTryItAssets } from '../../site/try-it-assets.ts';
import { writeSearchIndex } from '../../site/search-index.ts';
import type { SiteData } from '../../site/site-data.ts';
import { contentDirVariable, siteFileVariable } from '../../integrations/portolan.ts';
import { oneOf, parseOptions, secondsOption } from '../args.ts';
import { cacheArgs, chooseCache } from '../cache-option.ts';
import { Progress } from '../progress.ts';
import { StageTimeout, Stopwatch } from '../../catalog/stopwatch.ts';
import { printDiagnostics } from '../report.ts';
import { assertCatalogFolder, exitNow, writeTimings } from '../shared.ts';
import { moveInto, replaceFolder } from '../output.ts';
import { builtPages } from '../../site/built-files.ts';

const audiences = ['public', 'partner', 'internal'] as const;
const warningsShownByBuild = 20;
/** The longest one build step (the render, the index, …) may take; 1,000 APIs render in about 80 s on 2 cores. */
const defaultStepTimeoutMs = 900_000;
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `portolan build`: checks the catalogue, then builds the static portal into --out. */
export async function runBuild(args: string[]): Promise<number> {
  const options = parseOptions(args, {
    catalog: { type: 'string', default: './catalog' },
    content: { type: 'string', default: './content' },
    out: { type: 'string', default: './dist' },
    audience: { type: 'string' },
    base: { type: 'string', default: '/' },
    site: { type: 'string' },
    timings: { type: 'string' },
    'contract-timeout': { type: 'string' },
    'step-timeout': { type: 'string' },
    ...cacheArgs,
  });
  const contractTimeoutMs = secondsOption('contract-timeout', options['contract-timeout']);
  const stepTimeoutMs = secondsOption('step-timeout', options['step-timeout']) ?? defaultStepTimeoutMs;
  const chosenAudience = oneOf('audience', options.audience, audiences);
  const root = path.resolve(options.catalog);
  const out = path.resolve(options.out);
  await assertCatalogFolder(root);
  const cache = chooseCache(options, { catalog: root, out });

  const started = performance.now();
  const progress = new Progress(process.stderr);
  const result = await loadCatalog(root, {
    keepDocuments: true,
    ...(contractTimeoutMs ? { contractTimeoutMs } : {}),
    ...(cache ? { cache } : {}),
    onProgress: (stage, done, total) => progress.update(stage, done, total),
  });
  // The contract workers are done: their memory goes back before the rest of the work.
  await stopContractWorkers();
  progress.done();
  if (!result.catalog) {
    printDiagnostics(result.diagnostics, 'text', root);
    console.error(
      `build stopped: the catalogue has ${countDiagnostics(result.diagnostics).errors} errors; ${path.relative(process.cwd(), out) || '.'} was left untouched`,
    );
    return 1;
  }
  if (result.diagnostics.length > 0) {
    // The build succeeds with warnings; a few show what they are, `check` lists them all.
    const shown = result.diagnostics.slice(0, warningsShownByBuild);
    printDiagnostics(shown, 'text', root);
    const more = result.diagnostics.length - shown.length;
    if (more > 0) console.log(`… and ${more} more warnings: run portolan check to see them all.`);
  }

  const watch = new Stopwatch((stage, done, total) => progress.update(stage, done, total), stepTimeoutMs);
  const audience = chosenAudience ?? result.catalog.portal.audience;
  let catalog: Catalog | undefined = await watch.run(
    'audience',
    async () => filterByAudience(result.catalog!, audience),
    (c) => c.apis.length,
  );
  // What the build must not hold is known from the whole catalogue; the audit looks for it at the end.
  const hidden = hiddenTerms(result.catalog, catalog);
  // Only the filtered catalogue is used from here; the unfiltered one is let go.
  delete result.catalog;
  const apiCount = catalog.apis.length;
  const work = await mkdtemp(path.join(os.tmpdir(), 'portolan-build-'));
  // Astro stages its prerender bundle in `<cwd>/.astro/` when the output folder is outside the
  // working directory: two builds at once would delete each other's chunks, and a contributor's
  // repository would get an `.astro` folder. Each render works from a folder of its own, inside
  // the project so the bundle still finds its packages.
  await mkdir(path.join(projectRoot, '.astro'), { recursive: true });
  const renderDir = await mkdtemp(path.join(projectRoot, '.astro', 'render-'));
  // Built beside --out, so the final swap is a rename on one file system.
  const staged = `${out}.tmp-${process.pid}`;
  let leaks: Leak[];
  try {
    const withDocuments = catalog;
    await watch.run(
      'downloads',
      () => writeDownloads(withDocuments, staged),
      (files) => files,
    );
    const contentDir = path.resolve(options.content);
    const home = await readHomeContent(contentDir);
    await watch.run(
      'catalog',
      async () => {
        const location = { base: options.base, site: options.site };
        return writeCatalogFiles(withDocuments, { location, guides: await readGuides(contentDir), tagline: home.tagline }, staged);
      },
      (files) => files,
    );
    const site: SiteData = {
      catalog: withoutDocuments(catalog),
      home,
      sources: describeSources(catalog, root),
    };
    // The contract documents are written; letting them go leaves their memory to the render.
    catalog = undefined;
    const siteFile = path.join(work, 'site.json');
    await writeFile(siteFile, JSON.stringify(site));
    await watch.run(
      'render',
      async () => {
        await renderSite({ siteFile, contentDir, renderDir, outDir: staged, base: options.base, site: options.site });
        return (await builtPages(staged)).length;
      },
      (pages) => pages,
    );
    await watch.run(
      'index',
      () => writeSearchIndex(staged),
      (pages) => pages,
    );
    if (site.catalog.apis.some(hasTryIt)) {
      await watch.run(
        'try-it',
        async () => (await writeTryItAssets(staged)) + (await writeMockAssets(site.catalog, staged)),
        (files) => files,
      );
    }
    await watch.run(
      'csp',
      () => writeContentSecurity(staged, site.catalog, options.base),
      (pages) => pages,
    );
    leaks = await watch.run(
      'audit',
      () => auditOutput(staged, hidden),
      (found) => found.length,
    );
    progress.done();
    if (leaks.length > 0) await rm(staged, { recursive: true, force: true });
    else await replaceFolder(staged, out);
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    if (!(error instanceof StageTimeout)) throw error;
    progress.done();
    console.error(
      `build stopped: ${error.message}; ${path.relative(process.cwd(), out) || '.'} was left untouched. If the catalogue is just large, raise the budget with --step-timeout SECONDS.`,
    );
    await Promise.all([rm(work, { recursive: true, force: true }), rm(renderDir, { recursive: true, force: true })]);
    // The step goes on in the background (Astro's render cannot be cancelled): end the process.
    return exitNow(1);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(renderDir, { recursive: true, force: true });
  }
  if (leaks.length > 0) {
    printLeaks(leaks, audience);
    console.error(
      `build stopped: the output held ${leaks.length} strings the ${audience} audience must not see; ${path.relative(process.cwd(), out) || '.'} was left untouched`,
    );
    return 1;
  }
  const timings = [...result.timings, ...watch.timings];
  if (options.timings) await writeTimings(options.timings, timings, result.cache);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;
  const perStage = timings.map((t) => `${t.stage} ${seconds(t.ms)}`).join(', ');
  console.log(
    `built ${apiCount} APIs for the ${audience} audience into ${path.relative(process.cwd(), out) || '.'} in ${seconds(performance.now() - started)} (${perStage})`,
  );
  return 0;
}

/** Where the render reads from and writes to: `renderDir` is its own working folder, emptied by the caller. */
interface RenderFolders {
  siteFile: string;
  contentDir: string;
  renderDir: string;
  outDir: string;
  base: string;
  site: string | undefined;
}

async function renderSite({ siteFile, contentDir, renderDir, outDir, base, site }: RenderFolders): Promise<void> {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  process.env[siteFileVariable] = siteFile;
  process.env[contentDirVariable] = contentDir;
  const { build } = await import('astro');
  const cwd = process.cwd();
  process.chdir(renderDir);
  try {
    // Astro renames its bundle's files into the output: across file systems (an --out on
    // another disk) that fails, so it renders beside its bundle and the pages are moved after.
    const rendered = path.join(renderDir, 'site');
    await build({
      root: projectRoot,
      outDir: rendered,
      cacheDir: path.join(path.dirname(siteFile), 'astro-cache'),
      base,
      // A sitemap lists absolute addresses: it is written when the portal's address is known.
      ...(site ? { site, integrations: [sitemap({ namespaces: { news: false, xhtml: false, image: false, video: false } })] } : {}),
      logLevel: 'warn',
    });
    await moveInto(rendered, outDir);
  } finally {
    process.chdir(cwd);
  }
}

/** Each leak with the file that holds it, and what to do about it. */
function printLeaks(leaks: readonly Leak[], audience: string): void {
  for (const leak of leaks) console.error(`${leak.file}: holds "${leak.term}" (${leak.why})`);
  console.error(
    `A ${audience} build must hold nothing of a wider audience. Remove the string from the text that put it in this file (a guide, a description, a shared page), or mark the part x-internal in its contract.`,
  );
}
