import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';

const pages = {
  home: '/',
  domain: '/domains/customer/',
  API: '/apis/customer-api-v4/',
  'deprecated API': '/apis/customer-api-v3/',
  'event API': '/apis/order-events/',
  guide: '/guides/authentication/',
  team: '/teams/customer-team/',
  service: '/services/customer-management/',
  'search results': '/search/?q=customer',
  'API index': '/apis/',
  'domain index': '/domains/',
  'team directory': '/teams/',
  'service index': '/services/',
  'guide index': '/guides/',
  console: '/apis/customer-api-v4/reference/',
  'portfolio KPI': '/kpis/',
  'domain KPI': '/domains/customer/kpis/',
};

// axe reads the whole page: an API page is long, and on a busy 2-core machine it takes more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`the ${name} page has no serious or critical accessibility violation`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.ok()).toBe(true);
        if (path.startsWith('/search/')) await page.locator('.pagefind-ui__result').first().waitFor();
        if (path.endsWith('/reference/'))
          await page
            .getByRole('button', { name: /Test Request/ })
            .first()
            .waitFor({ timeout: 15_000 });
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`on a phone in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 375, height: 800 } });
    test('the header, its menu open, has no serious or critical accessibility violation', async ({ page }) => {
      await page.goto('/apis/');
      await page.getByRole('navigation', { name: 'Main' }).locator('summary', { hasText: 'Menu' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });
    test('the API page, its "Jump to" menu open, has no serious or critical accessibility violation', async ({ page }) => {
      await page.goto(pages.API);
      await page.getByText('Jump to…').click();
      expect(await seriousViolations(page)).toEqual([]);
    });
    test('the domain page, its APIs folded into cards, has no serious or critical accessibility violation', async ({ page }) => {
      await page.goto(pages.domain);
      expect(await seriousViolations(page)).toEqual([]);
    });
    test('the Contributing guide, its field reference wider than the screen, has no serious or critical accessibility violation', async ({ page }) => {
      await page.goto('/guides/contributing/');
      await expect(page.getByRole('region', { name: 'api.yaml fields' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the skip link takes a keyboard user to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the theme toggle switches to dark and back, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await background()).toBe(light);
});
