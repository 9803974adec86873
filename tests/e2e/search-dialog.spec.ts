import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { watchForeignRequests } from './foreign-requests.ts';

/** The search dialog as a reader meets it: a modal with a combobox and its listbox of results. */
function searchDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Search the portal' });
  return {
    dialog,
    input: dialog.getByRole('combobox', { name: 'Search the portal' }),
    results: dialog.getByRole('option'),
    active: dialog.locator('[role="option"][aria-selected="true"]'),
  };
}

test('a keyboard user opens the dialog with /, types a business word and reaches an operation with the arrows and Enter', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await page.goto('/apis/customer-api-v4/');
  await page.keyboard.press('/');
  const search = searchDialog(page);
  await expect(search.dialog).toBeVisible();
  await expect(search.input).toBeFocused();
  await page.keyboard.type('dispute');
  await expect(search.results.first()).toBeVisible();
  await expect(search.input).toHaveAttribute('aria-activedescendant', 'search-result-0');
  // Down the list to the first operation result; focus never leaves the input.
  for (let step = 0; step < 8 && !(await search.active.textContent())?.startsWith('Dispute a bill'); step++) await page.keyboard.press('ArrowDown');
  await expect(search.active).toContainText('Dispute a bill');
  await expect(search.active).toContainText('Customer Bill API');
  await expect(search.active).toContainText('/customerBill/{id}/dispute');
  await expect(search.input).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/apis\/customer-bill-api\/#openBillDispute$/);
  await expect(page.locator('li.operation#openBillDispute h4')).toBeInViewport();
  expect(foreign).toEqual([]);
});

test('Ctrl-K opens the dialog anywhere, and its results show the API’s type and lifecycle', async ({ page }) => {
  await page.goto('/guides/authentication/');
  await page.keyboard.press('Control+k');
  const search = searchDialog(page);
  await search.input.fill('roaming');
  const first = search.results.first();
  await expect(first).toBeVisible();
  await expect(search.dialog.getByRole('status')).toHaveText(/results shown/);
  const events = search.results.filter({ hasText: 'Usage Events' }).first();
  await expect(events.locator('.badge-type')).toHaveText('event API');
  await expect(events.locator('.badge-lifecycle')).toHaveText(/^(design|beta|stable|deprecated|retired)$/);
});

test('the Search button opens the dialog, Escape closes it and gives focus back to the button', async ({ page }) => {
  await page.goto('/');
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search' });
  await button.focus();
  await page.keyboard.press('Enter');
  const search = searchDialog(page);
  await expect(search.input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search.dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('typing / in a text field types a slash and does not open the dialog', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Find an API' });
  await box.fill('orders');
  await box.press('/');
  await expect(box).toHaveValue('orders/');
  await expect(searchDialog(page).dialog).toBeHidden();
});

test('a query with no result says so, and the dialog links to the full search page with the query', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const search = searchDialog(page);
  await search.input.fill('zzqxv');
  await expect(search.dialog.getByRole('status')).toHaveText('No result for “zzqxv”.');
  await expect(search.results).toHaveCount(0);
  await search.input.fill('shipment');
  await expect(search.results.first()).toBeVisible();
  await search.dialog.getByRole('link', { name: 'All results, with filters' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=shipment$/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open dialog with results has no serious accessibility violation in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('portolan-theme', chosen), theme);
    await page.goto('/');
    await page.keyboard.press('/');
    const search = searchDialog(page);
    await search.input.fill('customer');
    await expect(search.results.nth(2)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the header links to the search page instead', async ({ page }) => {
    await page.goto('/apis/customer-api-v4/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/$/);
  });
});

test('a French word, a misspelling and a reader’s phrase find the API the catalogue names otherwise', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const search = searchDialog(page);
  for (const [query, first] of [
    ['facture', 'Customer Bill API'],
    ['custmer', 'Customer'],
    ['cancel my order', 'Cancel a product order'],
  ] as const) {
    await search.input.fill(query);
    await expect(search.results.first()).toContainText(first);
  }
});

test('excerpts keep badges, statuses and labels apart from the words after them', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const search = searchDialog(page);
  for (const query of ['withdrawn', 'invoice', 'dispute']) {
    await search.input.fill(query);
    await expect(search.results.first()).toBeVisible();
    const excerpts = await search.dialog.locator('.search-hit-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    // "KO409withdrawn", "OK200The", "Tagsbill": a label, a status or a badge run into a word.
    for (const excerpt of excerpts) expect(excerpt, query).not.toMatch(/\b(?:OK|KO)\d|\b\d{3}[A-Za-z]|\b(?:Tags|Payload|Headers|Examples)[a-z]/);
  }
});
