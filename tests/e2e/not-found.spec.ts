import { expect, test } from '@playwright/test';
import { publicPort } from '../../playwright.config.ts';
import { seriousViolations } from './axe.ts';
import { watchForeignRequests } from './foreign-requests.ts';

const publicSite = `http://localhost:${publicPort}`;

test.describe('an address the portal does not have', () => {
  test.use({ baseURL: publicSite });

  test('gets the 404 page, which offers a search for the words of the address', async ({ page }) => {
    const foreign = watchForeignRequests(page, publicSite);
    // A partner API's address in a public build: the page must not tell it apart from a typo.
    const response = await page.goto('/apis/customer-api-v4/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).not.toContainText('Customer API v4');
    const search = page.getByRole('link', { name: 'Search the portal for “customer api”' });
    await expect(search).toHaveAttribute('href', /\/search\/\?q=customer%20api$/);
    await expect(page.getByRole('link', { name: 'See every API in the explorer' })).toHaveAttribute('href', '/explorer/');
    expect(await seriousViolations(page)).toEqual([]);
    await search.click();
    await expect(page).toHaveURL(/\/search\/\?q=customer%20api$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    expect(foreign).toEqual([]);
  });
});
