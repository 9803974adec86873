import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { watchForeignRequests } from './foreign-requests.ts';

// customer-api-v4 declares a Sandbox and a Production environment and an OAuth 2 scheme with
// client-credentials and authorization-code flows on auth.nordwave.example. Those hosts do not
// exist: the tests answer for them, and assert what the console sent there.
const reference = '/apis/customer-api-v4/reference/';
const sandbox = 'https://sandbox.api.nordwave.example/customer/v4';
const tokenUrl = 'https://auth.nordwave.example/oauth2/token';
const authorizationUrl = 'https://auth.nordwave.example/oauth2/authorize';
const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };

async function openConsole(page: Page): Promise<void> {
  await page.goto(reference);
  await expect(page.getByRole('button', { name: /Test Request/ }).first()).toBeVisible({ timeout: 15_000 });
}

async function typeClientId(page: Page, clientId: string): Promise<void> {
  const field = await page.locator('label', { hasText: 'Client ID' }).first().getAttribute('for');
  await page.locator(`[id="${field}"] [contenteditable]`).click();
  await page.keyboard.type(clientId);
}

test('an API page loads no console script until the reader opens try-it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/apis/customer-api-v4/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => path.includes('scalar'))).toEqual([]);
  await page.getByRole('link', { name: 'Try it in the console' }).click();
  await expect(page).toHaveURL(new RegExp(`${reference}$`));
  await expect(page.getByRole('button', { name: /Test Request/ }).first()).toBeVisible({ timeout: 15_000 });
  expect(scripts.some((path) => path.endsWith('/_portolan/scalar/standalone.esm.js'))).toBe(true);
});

test('the console loads everything from the portal and offers the environments as servers', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await openConsole(page);
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
  await page
    .getByRole('button', { name: /^Server:/ })
    .first()
    .click();
  await expect(page.getByRole('option', { name: /sandbox\.api\.nordwave\.example\/customer\/v4/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /https:\/\/api\.nordwave\.example\/customer\/v4/ })).toBeVisible();
});

test('client credentials get a token from the declared token URL, and a call to the sandbox carries it', async ({ page, context }) => {
  // Routed for the whole context: the mock's service worker forwards the console's other calls itself.
  const tokenRequests: { authorization?: string; body: string | null }[] = [];
  await context.route(`${tokenUrl}*`, async (route) => {
    tokenRequests.push({ authorization: route.request().headers()['authorization'], body: route.request().postData() });
    await route.fulfill({ headers: cors, json: { access_token: 'token-from-test', token_type: 'Bearer', expires_in: 3600 } });
  });
  const calls: { url: string; authorization?: string }[] = [];
  await context.route(`${sandbox}/**`, async (route) => {
    calls.push({ url: route.request().url(), authorization: route.request().headers()['authorization'] });
    await route.fulfill({ headers: cors, json: { items: [] } });
  });

  await openConsole(page);
  await typeClientId(page, 'partner-app');
  await page.getByLabel('Client Secret').first().fill('partner-secret');
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  await expect.poll(() => tokenRequests.length).toBe(1);
  expect(tokenRequests[0]!.authorization).toBe(`Basic ${Buffer.from('partner-app:partner-secret').toString('base64')}`);
  expect(tokenRequests[0]!.body).toContain('grant_type=client_credentials');

  await page
    .getByRole('button', { name: /Test Request/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Send/ }).first().click();
  await expect.poll(() => calls.length).toBe(1);
  expect(calls[0]!.url.startsWith(`${sandbox}/customer`)).toBe(true);
  expect(calls[0]!.authorization).toBe('Bearer token-from-test');
  await expect(page.getByText('200 OK').first()).toBeVisible();
});

test('the authorization-code flow opens the declared authorization URL with PKCE', async ({ page, context }) => {
  await context.route(`${authorizationUrl}*`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Sign in</title>' }));
  await openConsole(page);
  await page.getByRole('button', { name: 'authorizationCode' }).first().click();
  await typeClientId(page, 'web-app');
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  const url = new URL((await popup).url());
  expect(`${url.origin}${url.pathname}`).toBe(authorizationUrl);
  expect(url.searchParams.get('response_type')).toBe('code');
  expect(url.searchParams.get('client_id')).toBe('web-app');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
});

test('an event API has the static reference and no console', async ({ page }) => {
  await page.goto('/apis/order-events/');
  await expect(page.getByRole('link', { name: 'Try it in the console' })).toHaveCount(0);
  const response = await page.goto('/apis/order-events/reference/');
  expect(response?.status()).toBe(404);
});

async function exampleBody(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(`catalog/customer/customer-management/customer-api-v4/examples/getCustomer/${file}`, 'utf8');
  return (JSON.parse(text) as { response: { body: Record<string, unknown> } }).response.body;
}

test('the Mock server answers in the browser from the examples, the KO one when Prefer asks for it', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL!);
  const answers: { status: number; body: unknown; fromServiceWorker: boolean }[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/_mock/customer-api-v4/customer/')) {
      answers.push({ status: response.status(), body: await response.json(), fromServiceWorker: response.fromServiceWorker() });
    }
  });
  await openConsole(page);
  await page
    .getByRole('button', { name: /^Server:/ })
    .first()
    .click();
  await page.getByRole('option', { name: /\/_mock\/customer-api-v4/ }).click();
  await page.getByText('Read a customer').first().click();
  await page
    .getByRole('button', { name: /Test Request.*get \/customer\/\{id\}/ })
    .first()
    .click();
  const client = page.getByRole('dialog');
  const send = client.getByRole('button', { name: /^Send/ }).first();

  await send.click();
  await expect.poll(() => answers.length).toBe(1);
  expect(answers[0]).toMatchObject({ status: 200, fromServiceWorker: true, body: { id: (await exampleBody('200.json'))['id'] } });

  const headers = client.locator('section[aria-label^="Request:"] section').filter({ hasText: /^Headers/ });
  await headers.locator('[data-placeholder="Key"]').last().click();
  await page.keyboard.type('Prefer');
  await headers.locator('[data-placeholder="Value"]').last().click();
  await page.keyboard.type('code=404');
  await page.keyboard.press('Tab');
  // The console saves an edited header a moment after the field loses focus: send until it has.
  await expect(async () => {
    await send.click();
    await expect.poll(() => answers.at(-1)?.status, { timeout: 2_000 }).toBe(404);
  }).toPass({ timeout: 15_000 });
  expect(answers.at(-1)).toEqual({ status: 404, fromServiceWorker: true, body: await exampleBody('404.unknown-customer.json') });
  await expect(client.getByText('404 Not Found').first()).toBeVisible();
  expect(foreign).toEqual([]);
});
