import path from 'node:path';
import { contentDirVariable, siteFileVariable } from '../integrations/portolan.ts';
import { moveInto } from './staging.ts';

/** What the render reads and where it writes: `renderDir` is its own working folder, emptied by the caller. */
export interface RenderInput {
  projectRoot: string;
  siteFile: string;
  contentDir: string;
  renderDir: string;
  cacheDir: string;
  outDir: string;
  base: string;
  site: string | undefined;
}

/** Renders the pages with Astro from the prepared site data, into `outDir`. */
export async function renderSite(input: RenderInput): Promise<void> {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  process.env[siteFileVariable] = input.siteFile;
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
    await build({
      root: input.projectRoot,
      outDir: rendered,
      cacheDir: input.cacheDir,
      base: input.base,
      ...(input.site ? { site: input.site } : {}),
      logLevel: 'warn',
    });
    await moveInto(rendered, input.outDir);
  } finally {
    process.chdir(cwd);
  }
}
