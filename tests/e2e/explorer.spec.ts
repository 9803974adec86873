import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';

/** The API explorer as a reader sees and uses it. */
class ExplorerPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(query = ''): Promise<void> {
    const response = await this.page.goto(`/explorer/${query}`);
    expect(response?.ok()).toBe(true);
  }

  /** The rows a reader sees, in the order shown. */
  get rows() {
    return this.page.getByRole('region', { name: 'All APIs of the portal' }).locator('tbody tr:visible');
  }

  /** The text of one column in every row shown, e.g. the API names or the consumer counts. */
  async column(index: number): Promise<string[]> {
    return (await this.rows.locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  }

  header(name: string) {
    return this.page.getByRole('columnheader', { name, exact: true });
  }

  sortButton(name: string) {
    return this.header(name).getByRole('button');
  }

  get count() {
    return this.page.getByRole('status');
  }
}

const columns = { name: 0, type: 2, consumers: 7 } as const;

/** The APIs of the build, from its catalog.json: what the explorer must show. */
async function builtApis(request: APIRequestContext): Promise<{ name: string; type: string; consumers: { count: number } }[]> {
  return (await (await request.get('/catalog.json')).json()).apis;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en');

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the explorer lists every API of the build, sorted by name, with no filter to play with', async ({ page, request }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const apis = await builtApis(request);
    expect(apis.length).toBeGreaterThan(15);
    expect(await explorer.column(columns.name)).toEqual(apis.map((a) => a.name).sort(byName));
    await expect(explorer.header('API')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('searchbox')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Customer API v4' })).toHaveAttribute('href', '/apis/customer-api-v4/');
  });
});

test('the main navigation and the home page lead to the explorer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explorer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API explorer');
  await page.goto('/');
  await page.getByRole('link', { name: 'API explorer' }).click();
  await expect(page).toHaveURL(/\/explorer\/$/);
});

test('sorting by consumers orders the rows by their count, both ways, and sorting by name brings the names back in order', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const counts = async () => (await explorer.column(columns.consumers)).map(Number);

  await explorer.sortButton('Consumers').click();
  await expect(explorer.header('Consumers')).toHaveAttribute('aria-sort', 'ascending');
  await expect(explorer.header('API')).not.toHaveAttribute('aria-sort');
  const ascending = await counts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(new Set(ascending).size).toBeGreaterThan(2);

  await explorer.sortButton('Consumers').click();
  await expect(explorer.header('Consumers')).toHaveAttribute('aria-sort', 'descending');
  expect(await counts()).toEqual([...ascending].sort((a, b) => b - a));
  await expect(page).toHaveURL(/\?sort=-consumers$/);

  await explorer.sortButton('API').click();
  await expect(explorer.header('API')).toHaveAttribute('aria-sort', 'ascending');
  const names = await explorer.column(columns.name);
  expect(names).toEqual([...names].sort(byName));
  await expect(page).toHaveURL(/\/explorer\/$/);
});

test('choosing the event type leaves only the event APIs, and the count says how many of all', async ({ page, request }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const apis = await builtApis(request);
  const events = apis.filter((a) => a.type === 'event');
  expect(events.length).toBeGreaterThan(1);

  await page.getByLabel('Type', { exact: true }).selectOption('event');
  await expect(explorer.count).toHaveText(`${events.length} of ${apis.length} APIs`);
  expect(await explorer.column(columns.type)).toEqual(events.map(() => 'event'));
  expect(await explorer.column(columns.name)).toEqual(events.map((a) => a.name).sort(byName));
  await expect(page).toHaveURL(/\?type=event$/);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(explorer.count).toHaveText(`${apis.length} of ${apis.length} APIs`);
  await expect(page).toHaveURL(/\/explorer\/$/);
});

test('a shared address brings back its filters and sort', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open('?q=customer&type=event&sort=consumers');
  await expect(page.getByLabel('Filter by name, summary, owner or domain')).toHaveValue('customer');
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('event');
  await expect(explorer.header('Consumers')).toHaveAttribute('aria-sort', 'ascending');
  await expect(explorer.count).toHaveText(/^2 of \d+ APIs$/);
  // Network Incident Events tells partners about outages that affect their customers; it has fewer consumers.
  expect(await explorer.column(columns.name)).toEqual(['Network Incident Events', 'Customer Events']);
});

test('the text filter matches an owner team, and a domain filter keeps the APIs of its sub-domains', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await page.getByLabel('Filter by name, summary, owner or domain').fill('billing & revenue team');
  expect(await explorer.column(columns.name)).toEqual(['Customer Bill API', 'Usage Events']);
  await page.getByLabel('Filter by name, summary, owner or domain').fill('');
  await page.getByLabel('Domain', { exact: true }).selectOption({ label: 'Order Management' });
  const names = await explorer.column(columns.name);
  expect(names).toContain('Product Ordering API');
  expect(names).toContain('Service Ordering API');
  await expect(page).toHaveURL(/\?domain=ordering$/);
});

test('the text filter finds an API by a glossary synonym of its name, which the row shows as also known as', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await page.getByLabel('Filter by name, summary, owner or domain').fill('facture');
  const names = await explorer.column(columns.name);
  expect(names).toContain('Customer Bill API');
  expect(names).not.toContain('Party API');
  await expect(explorer.rows.filter({ hasText: 'Customer Bill API' })).toContainText('Also known as');
});

test('a keyboard user reaches the sort buttons and sorts with Enter', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await page.getByRole('button', { name: 'Clear filters' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'All APIs of the portal' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(explorer.sortButton('API')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(explorer.header('API')).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Tab');
  await expect(explorer.sortButton('Domain')).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the explorer has no serious or critical accessibility violation, filtered or not', async ({ page }) => {
      const explorer = new ExplorerPage(page);
      await explorer.open();
      await expect(page.getByRole('form', { name: 'Filter the APIs' })).toBeVisible();
      await expect(page.getByRole('combobox')).toHaveCount(4);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Lifecycle', { exact: true }).selectOption('stable');
      await explorer.sortButton('Version').click();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe('on a 375 px wide screen', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the page does not scroll sideways; the table scrolls inside its own labelled region', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const region = page.getByRole('region', { name: 'All APIs of the portal' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(region).toHaveAttribute('tabindex', '0');
  });
});
