import { expect, test } from '@playwright/test';
import { watchForeignRequests } from './foreign-requests.ts';

test('browsing the portal makes no request to any other origin', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  for (const path of [
    '/',
    '/domains/customer/',
    '/services/customer-management/',
    '/apis/customer-api-v4/',
    '/apis/order-events/',
    '/guides/authentication/',
    '/teams/customer-team/',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(foreign).toEqual([]);
});

test('the home page shows the portal title and the business domains with their API counts', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await page.goto('/');
  await expect(page).toHaveTitle('Nordwave Developer Portal');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cards = page.locator('.cards > .card');
  expect(await cards.count()).toBeGreaterThanOrEqual(5);
  await expect(cards.first().locator('.count')).toContainText(/\d+ APIs?/);
  await expect(page.getByRole('main')).toBeVisible();
  expect(foreign).toEqual([]);
});

test('a domain page lists its APIs with type, lifecycle, audience and version', async ({ page }) => {
  await page.goto('/');
  await page.locator('.cards > .card h3 a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const rows = page.locator('.api-table tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('.badge-type')).toBeVisible();
  await expect(rows.first().locator('.badge-lifecycle')).toBeVisible();
});

test('an API page shows its business documentation and every operation with a stable anchor', async ({ page }) => {
  await page.goto('/');
  await page.locator('.cards > .card h3 a').first().click();
  await page.locator('.api-table tbody tr a').first().click();
  await expect(page.getByRole('heading', { name: 'Business documentation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Purpose' })).toBeVisible();
  const operations = page.locator('.operations > li.operation');
  expect(await operations.count()).toBeGreaterThan(0);
  // The anchor is the operationId, as the README promises.
  const anchor = await operations.first().getAttribute('id');
  expect(anchor).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/);
  await expect(page.locator('.source-footer')).toContainText(/Last updated \d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute(
    'href',
    /^https:\/\/git\.example\.com\/nordwave\/api-catalogue\/edit\/main\/catalog\/.+\/api\.yaml$/,
  );
  const download = await page.getByRole('link', { name: 'download JSON' }).getAttribute('href');
  expect(JSON.parse(await (await page.request.get(download!)).text())).toHaveProperty('info');
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('every operation of an API is in the HTML', async ({ page, request }) => {
    await page.goto('/');
    const domainHref = await page.locator('.cards > .card h3 a').first().getAttribute('href');
    await page.goto(domainHref!);
    const apiHref = await page.locator('.api-table tbody tr a').first().getAttribute('href');
    const html = await (await request.get(apiHref!)).text();
    await page.goto(apiHref!);
    const ids = await page.locator('.operations > li.operation').evaluateAll((items) => items.map((i) => i.id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(html).toContain(`id="${id}"`);
  });

  test('an operation shows its parameters, request body and responses with their schemas', async ({ page }) => {
    await page.goto('/apis/customer-api-v4/');
    const read = page.locator('li.operation#getCustomer');
    await expect(read.locator('.params')).toContainText('id');
    await expect(read.locator('.params')).toContainText('in path');
    await expect(read.locator('.responses')).toContainText('200');
    await expect(read.locator('.responses')).toContainText('404');
    const customerLink = read.locator('.responses a[href="#schema-Customer"]').first();
    await expect(customerLink).toBeAttached();
    await expect(page.locator('#schema-Customer .property-name', { hasText: 'givenName' })).toBeAttached();
    const register = page.locator('li.operation#createCustomer');
    await expect(register.getByRole('heading', { name: 'Request body' })).toBeVisible();
  });

  test('an event operation shows its message payload', async ({ page }) => {
    await page.goto('/apis/order-events/');
    const first = page.locator('.operations > li.operation').first();
    await expect(first.locator('.message')).toBeVisible();
    await expect(first.locator('summary', { hasText: 'Payload' }).first()).toBeVisible();
    await expect(first.locator('.message .properties').first()).toBeAttached();
  });
});

test('the deprecated API announces its sunset date and links to its replacement', async ({ page }) => {
  await page.goto('/');
  const links = await page.locator('a[href^="/domains/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
  let found = false;
  for (const domain of links) {
    await page.goto(domain);
    const deprecated = page
      .locator('.api-table tbody tr', { has: page.locator('.badge-lifecycle-deprecated') })
      .locator('a')
      .first();
    if ((await deprecated.count()) === 0) continue;
    await deprecated.click();
    const banner = page.locator('.banner-warning');
    await expect(banner).toContainText(/Deprecated\. This API stops answering on \d{4}-\d{2}-\d{2}/);
    await banner.getByRole('link').click();
    await expect(page.locator('.badge-lifecycle').first()).not.toHaveText('deprecated');
    found = true;
    break;
  }
  expect(found).toBe(true);
});

test('every internal link of the portal resolves, anchors included', async ({ page, request }) => {
  const queue = ['/'];
  const seen = new Set<string>(queue);
  const broken: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await request.get(path);
    if (!response.ok()) {
      broken.push(`${path} → ${response.status()}`);
      continue;
    }
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    await page.setContent(await response.text());
    const ids = new Set(await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const url = new URL(href, `http://portal${path}`);
      if (url.hash && url.pathname === path && !ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path} → ${href}`);
      if (!seen.has(url.pathname)) {
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(20);
});
