import { expect, test } from '@playwright/test';

// customer-api-v4's getCustomer has an OK example (200.json) and a KO one (404.unknown-customer.json).
const api = '/apis/customer-api-v4/';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every example of an operation is in the HTML with its status, OK or KO, its request and its response', async ({ page }) => {
    await page.goto(api);
    const operation = page.locator('li.operation#getCustomer');
    const examples = operation.locator('details.example');
    await expect(examples.filter({ hasText: 'unknown-customer' }).locator('.badge-ko')).toHaveText('KO');
    await expect(examples.filter({ hasText: 'unknown-customer' }).locator('.status')).toHaveText('404');
    await expect(examples.first().locator('.badge-ok')).toHaveText('OK');
    const first = examples.first();
    await expect(first.locator('figure', { hasText: 'Request' }).locator('code')).toContainText(
      'GET https://sandbox.api.nordwave.example/customer/v4/customer/',
    );
    await expect(first.locator('figure', { hasText: 'Response' }).locator('code')).toContainText('HTTP 200');
    // Without JavaScript there is nothing to copy with, nor snippets to build.
    await expect(first.getByRole('button', { name: /Copy/ })).toHaveCount(0);
    await expect(first.locator('details.snippets')).toHaveCount(0);
  });
});

test('a reader opens the curl and fetch snippets of an example and copies one', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(api);
  const example = page.locator('li.operation#getCustomer details.example').first();
  await example.getByText('As curl and JavaScript fetch').click();
  const curl = example.locator('figure', { hasText: 'curl' }).locator('code');
  await expect(curl).toContainText("curl -X GET 'https://sandbox.api.nordwave.example/customer/v4/customer/");
  await expect(curl).toContainText('-H "Authorization: Bearer $TOKEN"');
  await expect(example.locator('figure', { hasText: 'fetch' }).locator('code')).toContainText(
    'await fetch("https://sandbox.api.nordwave.example/customer/v4/customer/',
  );
  await example.getByRole('button', { name: 'Copy curl' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await curl.textContent());
});

test('an event API shows its example payloads', async ({ page }) => {
  await page.goto('/apis/order-events/');
  const example = page.locator('details.example').first();
  await expect(example.locator('figure', { hasText: 'Payload' }).locator('code')).toContainText('{');
});

test('example bodies are coloured without changing their text, and a guide’s code block copies its code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(api);
  const response = page.locator('li.operation#getCustomer details.example').first().locator('figure', { hasText: 'Response' }).locator('code');
  const text = await response.textContent();
  // The colours are ranges over the server's text: the block still holds one text node, the same one.
  expect(await response.evaluate((code) => code.childNodes.length)).toBe(1);
  const [keys, strings, punctuation] = await page.evaluate(() =>
    ['code-key', 'code-string', 'code-punctuation'].map((name) => [...(CSS.highlights.get(name) ?? [])].map((range) => String(range))),
  );
  expect(keys).toContain('"id"');
  expect(strings?.length).toBeGreaterThan(0);
  expect(punctuation).toContain('{');
  expect(await response.textContent()).toBe(text);

  await page.goto('/guides/authentication/');
  const block = page.locator('main .code-wrap').first();
  await block.getByRole('button', { name: /^Copy/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.locator('code').textContent());
});
