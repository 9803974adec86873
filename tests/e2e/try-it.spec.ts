import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
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

const examples = 'catalog/customer/customer-management/customer-api-v4/examples';

async function exampleFile(operation: string, file: string): Promise<{ request?: { body?: unknown }; response: { body: Record<string, unknown> } }> {
  return JSON.parse(await readFile(`${examples}/${operation}/${file}`, 'utf8'));
}

async function exampleBody(file: string): Promise<Record<string, unknown>> {
  return (await exampleFile('getCustomer', file)).response.body;
}

/** Types a header into the request client's Headers table: into the row of that name if the console offers one, else a new row. */
async function setHeader(page: Page, client: Locator, name: string, value: string): Promise<void> {
  const headers = client.locator('section[aria-label^="Request:"] section').filter({ hasText: /^Headers/ });
  const offered = headers.locator('[data-placeholder="Key"]').filter({ hasText: new RegExp(`^${name}$`) });
  if ((await offered.count()) === 0) {
    await headers.locator('[data-placeholder="Key"]').last().click();
    await page.keyboard.type(name);
  }
  // Each row has one key and one value editor: the value of the row is the value editor at the key's index.
  const at = await headers.locator('[data-placeholder="Key"]').evaluateAll((keys, wanted) => keys.findIndex((key) => key.textContent === wanted), name);
  const valueEditor = headers.locator('[data-placeholder="Value"]').nth(at);
  await valueEditor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

test('the console shows the catalogue’s own examples, not values made up from the schema', async ({ page }) => {
  await openConsole(page);
  await page.getByText('Read a customer').first().click();
  const operation = page.locator('section[id$="/GET/customer/{id}"]');
  const response = operation.locator('pre').filter({ hasNotText: /^curl/ }).first();
  await expect(response).toBeVisible();
  expect(JSON.parse((await response.textContent())!)).toEqual(await exampleBody('200.json'));
  await operation.getByRole('tab', { name: /404/ }).click();
  await expect.poll(async () => JSON.parse((await response.textContent())!)).toEqual(await exampleBody('404.unknown-customer.json'));

  await page.getByText('Register a customer').first().click();
  const create = page.locator('section[id$="/POST/customer"]');
  const curl = await create.locator('pre').filter({ hasText: /^curl/ }).first().textContent();
  const sent = JSON.parse(/--data '([\s\S]*)'\s*$/.exec(curl!)![1]!);
  expect(sent).toEqual((await exampleFile('createCustomer', '201.json')).request!.body);
  await expect(create.getByText('"string"')).toHaveCount(0);
});

test('the Mock server is labelled, refuses a secured call without credentials, and answers the KO example Prefer asks for', async ({ page, baseURL }) => {
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
  await expect(page.getByText('Mock — answers with the examples').nth(1)).toBeVisible();
  await page.getByText('Read a customer').first().click();
  await page
    .getByRole('button', { name: /Test Request.*get \/customer\/\{id\}/ })
    .first()
    .click();
  const client = page.getByRole('dialog');
  const send = client.getByRole('button', { name: /^Send/ }).first();

  await send.click();
  await expect.poll(() => answers.length).toBe(1);
  expect(answers[0]).toMatchObject({ status: 401, fromServiceWorker: true, body: { status: 401, title: 'Unauthorized' } });
  await expect(client.getByText('401 Unauthorized').first()).toBeVisible();

  await setHeader(page, client, 'Authorization', 'Bearer any-token');
  // The console saves an edited header a moment after the field loses focus: send until it has.
  await expect(async () => {
    await send.click();
    await expect.poll(() => answers.at(-1)?.status, { timeout: 2_000 }).toBe(200);
  }).toPass({ timeout: 15_000 });
  expect(answers.at(-1)).toMatchObject({ status: 200, fromServiceWorker: true, body: { id: (await exampleBody('200.json'))['id'] } });

  await setHeader(page, client, 'Prefer', 'code=404');
  await expect(async () => {
    await send.click();
    await expect.poll(() => answers.at(-1)?.status, { timeout: 2_000 }).toBe(404);
  }).toPass({ timeout: 15_000 });
  expect(answers.at(-1)).toEqual({ status: 404, fromServiceWorker: true, body: await exampleBody('404.unknown-customer.json') });
  await expect(client.getByText('404 Not Found').first()).toBeVisible();
  expect(foreign).toEqual([]);
});

test('the console follows the portal’s theme toggle, to dark and back', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openConsole(page);
  const consoleColours = () =>
    page.evaluate(() => {
      const app = document.querySelector('.scalar-app')!;
      return { body: document.body.className, text: getComputedStyle(app).color, page: getComputedStyle(document.querySelector('h1')!).color };
    });
  const light = await consoleColours();
  expect(light.body).toContain('light-mode');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect.poll(async () => (await consoleColours()).body).toContain('dark-mode');
  const dark = await consoleColours();
  expect(dark.text).not.toBe(light.text);
  // The console's text is the portal's text, in either theme.
  expect(dark.text).toBe(dark.page);
  await toggle.click();
  await expect.poll(consoleColours).toEqual(light);
});

test('Ctrl-K and Cmd-K open the portal’s search, the one search dialog of the console page', async ({ page }) => {
  await openConsole(page);
  for (const keys of ['Control+k', 'Meta+k']) {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(keys);
    await expect(page.getByRole('dialog', { name: 'Search the portal' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

test('a retired API has no console and no link to one; a deprecated one shows its banner first', async ({ page }) => {
  await page.goto('/apis/catalogue-export-api/');
  await expect(page.getByRole('link', { name: 'Try it in the console' })).toHaveCount(0);
  expect((await page.goto('/apis/catalogue-export-api/reference/'))?.status()).toBe(404);
  await page.goto('/apis/customer-api-v3/reference/');
  const banner = page.locator('main [role="note"]').first();
  await expect(banner).toContainText('Deprecated');
  // The portal's title; Scalar, once it has rendered, adds a heading of its own with the API's title.
  const title = page.getByRole('heading', { level: 1, name: 'Customer API v3: try it' });
  const [bannerTop, titleTop] = await Promise.all([banner.boundingBox(), title.boundingBox()]);
  expect(bannerTop!.y).toBeLessThan(titleTop!.y);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the request client has no serious or critical accessibility violation in the ${scheme} theme`, async ({ page }) => {
    // axe over the reference and the client together is slow on a busy machine.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openConsole(page);
    await page
      .getByRole('button', { name: /Test Request/ })
      .first()
      .click();
    await expect(page.getByRole('dialog').getByRole('button', { name: /^Send/ }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
