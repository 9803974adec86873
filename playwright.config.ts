import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.ts';

// PORTOLAN_E2E_PORT lets two checkouts run their browser tests at once.
const port = Number(process.env['PORTOLAN_E2E_PORT'] ?? 4329);
/** A public build of the example, for what must hold for the narrowest audience. */
export const publicPort = port + 1;

/** The example portal built for `audience` into `out` and served on `servedOn` by the CLI. */
function servePortal(audience: string, out: string, servedOn: number) {
  return {
    command: `node bin/portolan.js build --audience ${audience} --out ${out} && node bin/portolan.js preview --out ${out} --port ${servedOn}`,
    url: `http://localhost:${servedOn}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

/** Browser tests run against the example portal, built and served by the CLI. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
  },
  webServer: [servePortal('internal', 'test-results/e2e-site', port), servePortal('public', 'test-results/e2e-public', publicPort)],
});
