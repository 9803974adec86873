import { expect, test } from '@playwright/test';
import { publicPort } from '../../playwright.config.ts';

// Their accessibility, light and dark, is checked with the whole API page in accessibility.spec.ts.
test.describe('the governance figures on an API page', () => {
  test('an internal build shows the scorecard with its formula and the usage per consumer and month', async ({ page }) => {
    await page.goto('/apis/customer-api-v4/');
    const scorecard = page.getByRole('region', { name: 'Scorecard' });
    await expect(scorecard.getByText(/\d+ \/ 100/)).toBeVisible();
    await expect(scorecard.getByRole('table', { name: 'How the score is made' }).getByRole('row')).toHaveCount(6);
    await expect(scorecard.getByText(/^Score = 100 × \(/)).toBeVisible();
    const usage = page.getByRole('table', { name: 'Calls and errors per consumer and month' });
    await expect(usage.getByRole('row').nth(1)).toContainText(['2026-09', 'mynordwave-app-api', '530,002', '944'].join(''));
    await expect(page.getByRole('navigation', { name: /On this page/ }).getByRole('link', { name: 'Usage' })).toBeVisible();
  });

  test('a public build shows neither', async ({ page }) => {
    await page.goto(`http://localhost:${publicPort}/apis/product-catalog-api/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Scorecard', exact: true })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Calls and errors per consumer and month' })).toHaveCount(0);
    await expect(page.locator('[data-figures]')).toHaveCount(0);
  });
});
