import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { inputFiles, inputsFolder } from '../site/page-data.ts';

const moduleId = 'virtual:portolan/site';
const resolvedId = `\0${moduleId}`;

/** The environment variable that names the content folder (guides) for the content collection. */
export const contentDirVariable = 'PORTOLAN_CONTENT_DIR';

/**
 * Astro glue: exposes the site data that `portolan build` prepared (the audience-filtered
 * catalogue in summary, and content) as the virtual module `virtual:portolan/site`.
 */
export default function portolan(): AstroIntegration {
  return {
    name: 'portolan',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
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
