import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { watchForeignRequests } from './foreign-requests.ts';

/** The parts of the search page a reader uses: Pagefind's interface under the page's own label. */
function searchPage(page: Page) {
  return {
    input: page.getByRole('textbox', { name: 'Search the portal' }),
    results: page.locator('.pagefind-ui__result'),
    resultLink: (name: string) => page.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a', { hasText: name }),
    filter: (name: string) => page.locator('.pagefind-ui__filter-name', { hasText: name }),
  };
}

test('a business word typed in the home search box leads to the API that handles it', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Find an API' }).fill('invoice');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=invoice$/);
  const search = searchPage(page);
  await expect(search.input).toHaveValue('invoice');
  const result = search.resultLink('Customer Bill API');
  await expect(result).toHaveAttribute('href', '/apis/customer-bill-api/');
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Bill API');
  expect(foreign).toEqual([]);
});

test('the search page asks nothing of any other origin, index and interface included', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/search/?q=customer');
  await expect(searchPage(page).results.first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual(expect.arrayContaining(['/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css', '/pagefind/pagefind-entry.json']));
  expect(foreign).toEqual([]);
});

test('a keyboard user can search, reach a result and open it', async ({ page }) => {
  await page.goto('/search/');
  const search = searchPage(page);
  await expect(search.input).toBeFocused();
  await page.keyboard.type('shipment');
  await expect(page).toHaveURL(/\/search\/\?q=shipment$/);
  await expect(search.results.first()).toBeVisible();
  let href: string | null = null;
  for (let tab = 0; tab < 20 && !href; tab++) {
    await page.keyboard.press('Tab');
    href = await page.evaluate(() => (document.activeElement?.matches('.pagefind-ui__result-link') ? document.activeElement.getAttribute('href') : null));
  }
  expect(href).toMatch(/^\/apis\/[a-z0-9-]+\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

/** The search page opened on `query`: its results and every filter group of `groups`, at the first load. */
async function searchWithFilters(page: Page, query: string, groups: readonly string[]): Promise<void> {
  const search = searchPage(page);
  await page.goto(`/search/?q=${query}`);
  await expect(search.results.first()).toBeVisible();
  for (const name of groups) await expect(search.filter(name)).toBeVisible();
}

test('every filter group shows with the results of a shared address, whatever order the index files arrive in', async ({ page }) => {
  // Pagefind's interface takes its groups from whichever comes first, its full filter list or a
  // search's results, and results only count the filter files loaded so far. Here one filter file
  // comes at once, the query's index file after it, and the other filter files late.
  let firstFilter: () => void = () => {};
  const firstFilterLoaded = new Promise<void>((resolve) => (firstFilter = resolve));
  let filters = 0;
  await page.route('**/pagefind/filter/**', async (route) => {
    if (filters++ === 0) {
      await route.continue();
      firstFilter();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    }
  });
  await page.route('**/pagefind/index/**', async (route) => {
    await firstFilterLoaded;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await searchWithFilters(page, 'dispute', ['Audience', 'Domain', 'Lifecycle', 'Owner', 'Standard', 'Tag', 'Type']);
});

test('results can be narrowed to a type of API', async ({ page }) => {
  const search = searchPage(page);
  await searchWithFilters(page, 'customer', ['Type']);
  await expect(search.resultLink('Customer API v4')).toBeVisible();
  await search.filter('Type').click();
  await page.getByRole('checkbox', { name: /^event/ }).check();
  await expect(search.resultLink('Customer Events')).toBeVisible();
  await expect(search.resultLink('Customer API v4')).toHaveCount(0);
});

test('the search page is reachable from every page and finds guides too', async ({ page }) => {
  await page.goto('/apis/customer-api-v4/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'All results, with filters' }).click();
  await searchPage(page).input.fill('PKCE');
  await expect(searchPage(page).resultLink('Authentication').first()).toBeVisible();
});

for (const [system, chosen] of [
  ['light', 'dark'],
  ['dark', 'light'],
] as const) {
  test(`the search page with results and filters open has no serious accessibility violation in the ${chosen} theme the reader chose`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: system });
    await page.addInitScript((theme) => localStorage.setItem('portolan-theme', theme), chosen);
    const groups = ['Audience', 'Domain', 'Lifecycle', 'Type'];
    await searchWithFilters(page, 'customer', groups);
    await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
    const search = searchPage(page);
    for (const name of groups) await search.filter(name).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the first result comes above the filters, which wait behind one button with their count', async ({ page }) => {
    const search = searchPage(page);
    await page.goto('/search/?q=invoice');
    const first = search.results.first();
    await expect(first).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Filters (7)' });
    await expect(toggle).toBeVisible();
    await expect(search.filter('Type')).toBeHidden();
    await expect(first).toBeInViewport();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(search.filter('Type')).toBeVisible();
    const [filters, result] = await Promise.all([search.filter('Audience').boundingBox(), first.boundingBox()]);
    expect(filters!.y).toBeLessThan(result!.y);
    await search.filter('Type').click();
    await page.getByRole('checkbox', { name: /^data/ }).check();
    await expect(page.getByRole('button', { name: 'Filters (1 chosen)' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the business domains', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(page.getByText('Search needs JavaScript.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'business domains' })).toHaveAttribute('href', '/#domains-title');
  });

  test('the home search box still sends the query to the search page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Find an API' }).fill('roaming');
    await page.getByRole('searchbox', { name: 'Find an API' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=roaming$/);
  });
});
