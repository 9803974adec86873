// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import portolan from './src/integrations/portolan.ts';
import { codeThemes, untimedTokenizing } from './src/site/code-themes.ts';

// The portal is static: every route is prerendered from the catalogue that
// `portolan build` loaded and filtered for its audience.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: { shikiConfig: { themes: codeThemes, defaultColor: false, transformers: [untimedTokenizing] } },
  integrations: [mdx(), portolan()],
  vite: {
    build: {
      rollupOptions: {
        // MDX guides carry Astro's own module directive; the bundler's notice about it is noise for portal authors.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
