import { expect, test, type Page } from '@playwright/test';

/** The header of the page shown, and its main navigation. */
class Header {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  /** The header's height, and the vertical extent of each of its visible controls. */
  async boxes() {
    return this.page.locator('header.site-header').evaluate((header) => ({
      height: header.getBoundingClientRect().height,
      controls: [
        ...header.querySelectorAll<HTMLElement>('.brand, .nav-wide, search-dialog > :not([hidden]):not(dialog), theme-toggle button, .nav-menu summary'),
      ]
        .filter((element) => element.offsetParent !== null)
        .map((element) => {
          const box = element.getBoundingClientRect();
          return { name: element.className || element.localName, top: box.top, bottom: box.bottom };
        }),
    }));
  }
}

const indexPages = [
  { path: '/apis/', heading: 'APIs', holds: 'Customer API v4' },
  { path: '/domains/', heading: 'Business domains', holds: 'Order Fulfilment' },
  { path: '/teams/', heading: 'Teams', holds: 'Mikael Lindqvist' },
  { path: '/services/', heading: 'Business services', holds: 'Customer Management' },
  { path: '/guides/', heading: 'Guides', holds: 'Authentication' },
];

for (const { path, heading, holds } of indexPages) {
  test(`${path} answers with its list, readable without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('main')).toContainText(holds);
    await context.close();
  });
}

test('the API index gives each API its summary, type, lifecycle and owning team, under its domain', async ({ page }) => {
  await page.goto('/apis/');
  const v3 = page.locator('.index-list > li').filter({ has: page.getByRole('link', { name: 'Customer API v3', exact: true }) });
  await expect(v3).toContainText('Previous version of the partner Customer API');
  await expect(v3.locator('.badge-lifecycle')).toHaveText('deprecated');
  await expect(v3.locator('.badge-type')).toHaveText('data API');
  await expect(v3.getByRole('link', { name: 'Customer Management team' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Customer Management' })).toBeVisible();
});

test('the team directory names each team’s product owner, contact and APIs', async ({ page }) => {
  await page.goto('/teams/');
  const team = page.locator('.team-directory > li').filter({ has: page.getByRole('heading', { name: 'Customer Management team' }) });
  await expect(team).toContainText('Mikael Lindqvist');
  await expect(team.getByRole('link', { name: 'customer-apis@nordwave.example' })).toHaveAttribute('href', 'mailto:customer-apis@nordwave.example');
  await expect(team.getByRole('link', { name: 'Customer API v4' })).toHaveAttribute('href', '/apis/customer-api-v4/');
});

test('the header’s links reach every index page and mark the one shown', async ({ page }) => {
  const header = new Header(page);
  await page.goto('/');
  for (const [label, path] of [
    ['APIs', '/apis/'],
    ['Domains', '/domains/'],
    ['Teams', '/teams/'],
    ['Services', '/services/'],
    ['Guides', '/guides/'],
    ['Explorer', '/explorer/'],
  ] as const) {
    await header.nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(header.nav.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('breadcrumbs that start with Domains lead to the domain index', async ({ page }) => {
  await page.goto('/apis/customer-api-v4/');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Domains' }).click();
  await expect(page).toHaveURL('/domains/');
});

for (const javaScriptEnabled of [true, false]) {
  test(`on a 375 px phone the header is one row, and its menu opens ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled });
    const page = await context.newPage();
    const header = new Header(page);
    await page.goto('/apis/customer-api-v4/');
    const { height, controls } = await header.boxes();
    expect(controls.length).toBe(javaScriptEnabled ? 4 : 3);
    expect(height).toBeLessThan(64);
    // One row: every control spans the middle of the tallest one.
    const middle = (Math.min(...controls.map((c) => c.top)) + Math.max(...controls.map((c) => c.bottom))) / 2;
    for (const control of controls) expect(control.top < middle && control.bottom > middle, control.name).toBe(true);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await expect(header.nav.getByRole('link', { name: 'Teams' })).toBeHidden();
    await header.nav.locator('summary', { hasText: 'Menu' }).click();
    await header.nav.getByRole('link', { name: 'Teams' }).click();
    await expect(page).toHaveURL('/teams/');
    await context.close();
  });
}

test('on a phone, search and the theme switch are icons that keep their names', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  const header = new Header(page);
  await page.goto('/');
  await expect(header.nav.getByRole('button', { name: 'Search' })).toBeVisible();
  // A switch named for the dark theme, pressed while it is on: the system's dark theme here.
  const toggle = header.nav.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('the version switcher links Customer API v4 and v3 both ways, oldest first, the current one marked', async ({ page }) => {
  await page.goto('/apis/customer-api-v4/');
  const versions = page.getByRole('navigation', { name: 'Versions of this API' });
  await expect(versions.getByRole('listitem')).toHaveText([/^Customer API v3\s+deprecated$/, 'Customer API v4']);
  await expect(versions.locator('[aria-current="page"]')).toHaveText('Customer API v4');
  await versions.getByRole('link', { name: 'Customer API v3' }).click();
  await expect(page).toHaveURL('/apis/customer-api-v3/');
  await expect(versions.locator('[aria-current="page"]')).toHaveText('Customer API v3');
  await versions.getByRole('link', { name: 'Customer API v4' }).click();
  await expect(page).toHaveURL('/apis/customer-api-v4/');
});

test('an API of a product line of one has no version switcher', async ({ page }) => {
  await page.goto('/apis/order-events/');
  await expect(page.getByRole('navigation', { name: 'Versions of this API' })).toHaveCount(0);
});
