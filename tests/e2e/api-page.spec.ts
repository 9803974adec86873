import { expect, test, type Page } from '@playwright/test';

// Customer API v4: eight operations, listCustomers first, getCustomer third, mergeCustomers last.
const api = '/apis/customer-api-v4/';

/** The API page's sidebar, as a reader on a wide screen sees it. */
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'On this page: Customer API v4' });

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the sidebar lists the sections and operations, and marks the one the reader scrolls to', async ({ page }) => {
    await page.goto(api);
    await expect(sidebar(page).getByRole('link', { name: 'Business documentation' })).toHaveAttribute('aria-current', 'true');
    await expect(sidebar(page).getByRole('link', { name: /GET\s+Read a customer$/ })).toBeVisible();
    await page.locator('li.operation#getCustomer').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await expect(sidebar(page).locator('a[href="#getCustomer"]')).toHaveAttribute('aria-current', 'true');
    await expect(sidebar(page).locator('a[aria-current]')).toHaveCount(1);
    await page.locator('li.operation#mergeCustomers').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await expect(sidebar(page).locator('a[href="#mergeCustomers"]')).toHaveAttribute('aria-current', 'true');
    await expect(sidebar(page).locator('a[href="#getCustomer"]')).not.toHaveAttribute('aria-current');
  });

  test('an operation has its examples beside it', async ({ page }) => {
    await page.goto(`${api}#getCustomer`);
    const operation = page.locator('li.operation#getCustomer');
    const text = await operation.locator('.op-main').boundingBox();
    const examples = await operation.locator('.op-side').boundingBox();
    expect(examples!.x).toBeGreaterThan(text!.x + text!.width - 1);
    await expect(operation.locator('.op-side details.example').first()).toBeInViewport();
  });
});

test('#<operationId> lands on the operation', async ({ page }) => {
  await page.goto(`${api}#listCustomers`);
  await expect(page.locator('li.operation#listCustomers h4')).toBeInViewport();
  await expect(page.locator('li.operation#listCustomers h4')).toHaveText(/List customers/);
});

test('an old slug anchor still lands on its operation', async ({ page }) => {
  await page.goto(`${api}#update-customer`);
  await expect(page.locator('li.operation#updateCustomer h4')).toBeInViewport();
  await page.goto(`${api}#merge-customers`);
  await expect(page.locator('li.operation#mergeCustomers h4')).toBeInViewport();
});

test('a request body shows its named schema inline, its deeper schemas a click away, and links to the shared one', async ({ page }) => {
  await page.goto(`${api}#createCustomer`);
  const body = page.locator('li.operation#createCustomer details.body').first();
  await expect(body.locator('.property-name', { hasText: 'givenName' })).toBeVisible();
  await expect(body.locator('a[href="#schema-CustomerCreate"]')).toBeVisible();
  const address = body.locator('li', { has: page.locator('.property-name', { hasText: /^installationAddress$/ }) });
  await expect(address.locator('.property-name', { hasText: /^street$/ })).toBeHidden();
  await address.locator('summary').first().click();
  await expect(address.locator('.property-name', { hasText: /^street$/ })).toBeVisible();
});

test('a response shows its schema once opened, copied from the shared schemas, whose entry a link opens', async ({ page }) => {
  await page.goto(`${api}#getCustomer`);
  const ok = page.locator('li.operation#getCustomer .responses > li', { has: page.locator('.status', { hasText: '200' }) });
  await ok.locator('summary').first().click();
  await expect(ok.locator('details.schema-inline .property-name', { hasText: /^givenName$/ })).toBeVisible();
  const entry = page.locator('#schema-Customer');
  await expect(entry.locator('.property-name', { hasText: /^givenName$/ }).first()).toBeHidden();
  await ok.locator('a[href="#schema-Customer"]').first().click();
  await expect(entry.locator('.property-name', { hasText: /^givenName$/ }).first()).toBeVisible();
  await expect(entry).toBeInViewport();
});

test('response descriptions are Markdown: code shows as code, not as backticks', async ({ page }) => {
  await page.goto(`${api}#listCustomers`);
  const tooMany = page.locator('li.operation#listCustomers .responses summary', { hasText: '429' });
  await expect(tooMany.locator('code')).toHaveText('Retry-After');
  await expect(tooMany).not.toContainText('`');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the page does not scroll sideways, and a "Jump to" menu replaces the sidebar', async ({ page }) => {
    await page.goto(api);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expect(sidebar(page)).toBeHidden();
    await page.getByText('Jump to…').click();
    await page
      .getByRole('navigation', { name: 'Jump to: On this page: Customer API v4' })
      .getByRole('link', { name: /Read a customer$/ })
      .click();
    await expect(page).toHaveURL(/#getCustomer$/);
    await expect(page.locator('li.operation#getCustomer h4')).toBeInViewport();
  });

  test('parameter names keep to one line', async ({ page }) => {
    await page.goto(`${api}#listCustomers`);
    const name = page.locator('li.operation#listCustomers .params .property-name', { hasText: 'partnerReference' });
    const box = await name.boundingBox();
    expect(box!.height).toBeLessThan(30);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every operation is shown, and the sidebar is plain links to them', async ({ page }) => {
    await page.goto(api);
    const operations = page.locator('.operations > li.operation');
    await expect(operations).toHaveCount(8);
    for (const heading of await operations.locator('h4').all()) await expect(heading).toBeVisible();
    const ids = await operations.evaluateAll((items) => items.map((item) => item.id));
    for (const id of ids) await expect(sidebar(page).locator(`a[href="#${id}"]`)).toHaveCount(1);
    await sidebar(page).locator('a[href="#mergeCustomers"]').click();
    await expect(page.locator('li.operation#mergeCustomers h4')).toBeInViewport();
    // A response's schema is a link to the shared schema section.
    await expect(page.locator('li.operation#getCustomer .responses a[href="#schema-Customer"]').first()).toBeAttached();
    await expect(page.locator('details.schema-inline')).toHaveCount(0);
  });
});

test('a retired API offers no console; a deprecated one shows its banner before the button', async ({ page }) => {
  await page.goto('/apis/catalogue-export-api/');
  await expect(page.getByRole('note')).toContainText('Retired');
  await expect(page.getByRole('link', { name: 'Try it in the console' })).toHaveCount(0);
  await page.goto('/apis/customer-api-v3/');
  const banner = await page.getByRole('note').filter({ hasText: 'Deprecated' }).boundingBox();
  const button = await page.getByRole('link', { name: 'Try it in the console' }).boundingBox();
  expect(banner!.y).toBeLessThan(button!.y);
});
