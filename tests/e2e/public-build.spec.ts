import { expect, test } from '@playwright/test';
import { publicPort } from '../../playwright.config.ts';
import { watchForeignRequests } from './foreign-requests.ts';

const publicSite = `http://localhost:${publicPort}`;

test.describe('a public build', () => {
  test.use({ baseURL: publicSite });

  test('asks nothing of any other origin, and breaks none of its policy, on the home, API, guide and search pages', async ({ page }) => {
    const foreign = watchForeignRequests(page, publicSite);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/apis/network-coverage-api/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network Coverage API');
    await page.goto('/guides/rate-limits/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rate limits and quotas');
    await page.goto('/search/?q=coverage');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search the portal' }).fill('fibre');
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });

  test('shows partner APIs nowhere: not in the explorer, not in search, not in the guides', async ({ page }) => {
    await page.goto('/explorer/');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
    await page.goto('/guides/rate-limits/');
    await expect(page.getByRole('main')).not.toContainText('Customer API v4');
    await page.goto('/');
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search the portal' }).fill('customer');
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText(/results shown|No result/);
    await expect(page.getByRole('dialog')).not.toContainText('Customer API v4');
    const response = await page.request.get('/apis/customer-api-v4/');
    expect(response.status()).toBe(404);
  });

  test('finds nothing for a word none of its pages holds, rather than the pages of its first letters', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    // The internal glossary's French synonym of address change: the public catalogue holds no such word.
    await page.getByRole('combobox', { name: 'Search the portal' }).fill('déménagement');
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText('No result for “déménagement”.');
    await expect(page.getByRole('dialog').getByRole('option')).toHaveCount(0);
  });
});
