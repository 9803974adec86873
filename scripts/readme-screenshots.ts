/**
 * The README's screenshots: the home page, an API page, the console and search, each in light,
 * dark and on a phone, taken from a running portal (`npm start`, or `--url`), into docs/screenshots/.
 * Run: node scripts/readme-screenshots.ts [--url http://localhost:4321]
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright';
import { chromiumLaunch } from './chromium.ts';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://localhost:4321' } } });
const out = new URL('../docs/screenshots/', import.meta.url);

const shots: Record<string, { path: string; ready?: (page: Page) => Promise<void> }> = {
  home: { path: '/' },
  api: { path: '/apis/customer-api-v4/#getCustomer' },
  console: {
    path: '/apis/customer-api-v4/reference/',
    ready: (page) => page.locator('#try-it').getByRole('heading', { name: 'Nordwave Customer API' }).waitFor({ timeout: 20_000 }),
  },
  search: { path: '/search/?q=facture', ready: (page) => page.locator('.pagefind-ui__result').first().waitFor() },
};
const looks = {
  light: { colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  dark: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  mobile: { colorScheme: 'light', viewport: { width: 375, height: 780 }, deviceScaleFactor: 2 },
} as const;

await mkdir(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunch);
for (const [look, options] of Object.entries(looks)) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const [name, { path, ready }] of Object.entries(shots)) {
    await page.goto(new URL(path, values.url).href, { waitUntil: 'networkidle' });
    await ready?.(page);
    const file = new URL(`${name}-${look}.png`, out);
    await page.screenshot({ path: file.pathname });
    console.log(file.pathname);
  }
  await context.close();
}
await browser.close();
