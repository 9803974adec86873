import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// `portolan dev` on a copy of the example, on a port of its own beside the two the config starts.
const port = Number(process.env['PORTOLAN_E2E_PORT'] ?? 4329) + 2;
const devUrl = `http://localhost:${port}`;
const apiFolder = 'customer/customer-management/customer-api-v4';

let dir: string;
let dev: ChildProcess;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-dev-'));
  await cp('catalog', path.join(dir, 'catalog'), { recursive: true });
  await cp('content', path.join(dir, 'content'), { recursive: true });
  dev = spawn(
    'node',
    [
      'bin/portolan.js',
      'dev',
      '--catalog',
      path.join(dir, 'catalog'),
      '--content',
      path.join(dir, 'content'),
      '--port',
      String(port),
      '--audience',
      'internal',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    dev.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes(`${devUrl}/`)) resolve();
    });
    dev.once('exit', (code) => reject(new Error(`portolan dev stopped (${code}): ${printed}`)));
  });
});

test.afterAll(async () => {
  dev?.kill('SIGTERM');
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a saved contract description shows in the open page, and a broken api.yaml shows in an overlay until it is fixed', async ({ page }) => {
  await page.goto(`${devUrl}/apis/customer-api-v4/`);
  const contract = path.join(dir, 'catalog', apiFolder, 'openapi.yaml');
  const text = await readFile(contract, 'utf8');
  const sentence = 'Edited while portolan dev was serving.';
  await writeFile(contract, text.replace('The Customer API gives retail', `${sentence} The Customer API gives retail`));
  await expect(page.getByText(sentence)).toBeVisible({ timeout: 30_000 });

  const meta = path.join(dir, 'catalog', apiFolder, 'api.yaml');
  const good = await readFile(meta, 'utf8');
  await writeFile(meta, good.replace('type: data', 'type: [data'));
  const overlay = page.getByRole('alertdialog');
  await expect(overlay).toBeVisible({ timeout: 30_000 });
  await expect(overlay).toContainText(`${apiFolder}/api.yaml`);

  await writeFile(meta, good);
  await expect(overlay).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(sentence)).toBeVisible();
});

test('a saved guide shows in its page, and the guides stay whole when a later save changes only the catalogue', async ({ page }) => {
  const guide = path.join(dir, 'content', 'guides', 'authentication.mdx');
  const sentence = 'Edited guide sentence while portolan dev was serving.';
  const text = await readFile(guide, 'utf8');
  await page.goto(`${devUrl}/guides/authentication/`);
  await writeFile(guide, text.replace('Nordwave APIs are protected', `${sentence} Nordwave APIs are protected`));
  await expect(page.getByText(sentence)).toBeVisible({ timeout: 30_000 });

  // Only the catalogue changes: the home and index pages are rendered again, from the guides' store of the save before.
  const meta = path.join(dir, 'catalog', apiFolder, 'api.yaml');
  const summary = 'Register, read and update the customers a partner manages (edited in dev).';
  await writeFile(meta, (await readFile(meta, 'utf8')).replace(/^summary: .*$/m, `summary: ${summary}`));
  await page.goto(`${devUrl}/apis/`);
  await expect(page.getByText(summary).first()).toBeVisible({ timeout: 30_000 });
  await page.goto(`${devUrl}/guides/authentication/`);
  await expect(page.getByText(sentence)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authentication');
});
