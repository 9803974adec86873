import { test, type Page } from '@playwright/test';

/** Every page type, and what shows that it has finished drawing. */
const pages: Record<string, { path: string; ready?: (page: Page) => Promise<void> }> = {
  home: { path: '/' },
  domain: { path: '/domains/customer/' },
  service: { path: '/services/customer-management/' },
  team: { path: '/teams/customer-team/' },
  api: { path: '/apis/customer-api-v4/' },
  'event-api': { path: '/apis/order-events/' },
  'api-doc': { path: '/apis/customer-api-v4/docs/onboarding/' },
  'try-it': {
    path: '/apis/customer-api-v4/reference/',
    ready: (page) => page.locator('#try-it').getByRole('heading', { name: 'Nordwave Customer API' }).waitFor({ timeout: 15_000 }),
  },
  guide: { path: '/guides/authentication/' },
  explorer: { path: '/explorer/' },
};
const viewports = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 812 } };

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`${scheme}, ${device}`, () => {
      test.use({ colorScheme: scheme, viewport });
      for (const [name, { path, ready }] of Object.entries(pages)) {
        test(`screenshot of the ${name} page is attached to the report`, async ({ page }, testInfo) => {
          const response = await page.goto(path);
          test.expect(response?.status()).toBe(200);
          await ready?.(page);
          const horizontalOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
          const file = testInfo.outputPath(`${name}-${scheme}-${device}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await testInfo.attach(`${name}-${scheme}-${device}`, { path: file, contentType: 'image/png' });
          test.expect(horizontalOverflow, 'the page scrolls sideways').toBe(false);
        });
      }
    });
  }
}
