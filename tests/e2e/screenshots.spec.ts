import { test } from '@playwright/test';

const pages = { home: '/', api: '/apis/customer-api-v4/', guide: '/guides/authentication/' };
const viewports = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 812 } };

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`${scheme}, ${device}`, () => {
      test.use({ colorScheme: scheme, viewport });
      for (const [name, path] of Object.entries(pages)) {
        test(`screenshot of the ${name} page is attached to the report`, async ({ page }, testInfo) => {
          await page.goto(path);
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
