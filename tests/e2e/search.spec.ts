import { expect, test } from '@playwright/test';
import { watchForeignRequests } from './foreign-requests.ts';

test('the home search box leads to results that link to the API', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Find an API' }).fill('invoice');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search\/\?q=invoice$/);
  const result = page.locator('.pagefind-ui__result-link', { hasText: 'Customer Bill API' }).first();
  await expect(result).toHaveAttribute('href', '/apis/customer-bill-api/');
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Bill API');
  expect(foreign).toEqual([]);
});

test('the search page is reachable from every page and finds guides too', async ({ page }) => {
  await page.goto('/apis/customer-api-v4/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.locator('.pagefind-ui__search-input').fill('PKCE');
  await expect(page.locator('.pagefind-ui__result-link', { hasText: 'Authentication' }).first()).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the domains', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByText('Search needs JavaScript.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'business domains' })).toHaveAttribute('href', '/');
  });
});
