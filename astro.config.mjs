// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import portolan from './src/integrations/portolan.ts';

// The portal is static: every route is prerendered from the catalogue that
// `portolan build` loaded and filtered for its audience.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx(), portolan()],
});
