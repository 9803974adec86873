import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { satteriBaseLinks } from '../site/base-links.ts';
import { inputFiles, inputsFolder } from '../site/page-data.ts';

const moduleId = 'virtual:portolan/site';
const resolvedId = `\0${moduleId}`;

/** The environment variable that names the content folder (guides) for the content collection. */
export const contentDirVariable = 'PORTOLAN_CONTENT_DIR';

/**
 * Astro glue: exposes the site data that `portolan build` prepared (the audience-filtered
 * catalogue in summary, and content) as the virtual module `virtual:portolan/site`, and serves
 * the guides' root-relative links under the base path.
 */
export default function portolan(): AstroIntegration {
  return {
    name: 'portolan',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        addBaseLinks(config.markdown.processor, config.base);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'portolan-site-data',
                resolveId: (id: string) => (id === moduleId ? resolvedId : undefined),
                // Read when the pages are rendered, not inlined: bundling a catalogue-sized module would cost time and memory.
                load: (id: string) =>
                  id === resolvedId
                    ? `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(path.join(inputsFolder(), inputFiles.site))}, 'utf8'));`
                    : undefined,
              },
            ],
          },
        });
      },
    },
  };
}

/**
 * Guides link to pages by their routes (`/guides/errors/`): under a base path they are served
 * there. Sätteri's options are the processor's own, read when it renders, and Astro lets
 * integrations add to them; MDX renders with the same processor.
 */
function addBaseLinks(processor: { name: string; options: unknown }, base: string): void {
  if (processor.name !== 'satteri') throw new Error(`the guides' links need Sätteri, Astro's Markdown processor; astro.config.mjs sets ${processor.name}`);
  const plugin = satteriBaseLinks(base);
  if (plugin) (processor.options as { hastPlugins: unknown[] }).hastPlugins.push(plugin);
}
