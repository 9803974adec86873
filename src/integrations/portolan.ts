import type { AstroIntegration } from 'astro';

const moduleId = 'virtual:portolan/site';
const resolvedId = `\0${moduleId}`;

/** The environment variable through which `portolan build` hands the site data to Astro. */
export const siteFileVariable = 'PORTOLAN_SITE_FILE';

/** The environment variable that names the content folder (guides) for the content collection. */
export const contentDirVariable = 'PORTOLAN_CONTENT_DIR';

/**
 * Astro glue: exposes the site data that `portolan build` prepared (the audience-filtered
 * catalogue and content) as the virtual module `virtual:portolan/site`.
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
                    ? `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(siteFile())}, 'utf8'));`
                    : undefined,
              },
            ],
          },
        });
      },
    },
  };
}

function siteFile(): string {
  const file = process.env[siteFileVariable];
  if (!file) throw new Error('The portal is built by "npx portolan build" (or served by "npm start"), which prepares the catalogue first.');
  return file;
}
