import { defineConfig } from '@playwright/test';

const port = 4329;
/** A public build of the example, for what must hold for the narrowest audience. */
export const publicPort = 4330;

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
    launchOptions: {
      executablePath: process.env['PORTOLAN_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `node bin/portolan.js build --audience internal --out test-results/e2e-site && node bin/portolan.js preview --out test-results/e2e-site --port ${port}`,
      url: `http://localhost:${port}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node bin/portolan.js build --audience public --out test-results/e2e-public && node bin/portolan.js preview --out test-results/e2e-public --port ${publicPort}`,
      url: `http://localhost:${publicPort}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
