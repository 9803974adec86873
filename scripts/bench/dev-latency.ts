// `npm run bench:dev`: how long a saved contract takes to show in the browser under
// `portolan dev`, on a copy of the example catalogue. Each run saves a new sentence into the
// Customer API v4 contract and waits, in Chromium, until the open page shows it: the figure is
// the whole edit-to-visible time (the save's quiet wait, the rebuild, the reload).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, port: { type: 'string', default: '4791' } } });
const runs = Number(values.runs);
const port = Number(values.port);
const url = `http://localhost:${port}/apis/customer-api-v4/`;
const contractPath = 'customer/customer-management/customer-api-v4/openapi.yaml';
const anchor = 'The Customer API gives retail';

const dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-bench-dev-'));
await cp('catalog', path.join(dir, 'catalog'), { recursive: true });
await cp('content', path.join(dir, 'content'), { recursive: true });
const dev = spawn(
  'node',
  ['bin/portolan.js', 'dev', '--catalog', `${dir}/catalog`, '--content', `${dir}/content`, '--port', String(port), '--audience', 'internal'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const browser = await chromium.launch(chromiumLaunch);
try {
  await new Promise<void>((resolve, reject) => {
    let printed = '';
    dev.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes(`http://localhost:${port}/`)) resolve();
    });
    dev.once('exit', (code) => reject(new Error(`portolan dev stopped (${code}): ${printed}`)));
  });
  const page = await browser.newPage();
  await page.goto(url);
  const contract = path.join(dir, 'catalog', contractPath);
  const original = await readFile(contract, 'utf8');
  const figures: number[] = [];
  // The first save is not counted: it starts the contract worker the later ones find loaded.
  for (let run = 0; run <= runs; run++) {
    const sentence = `Benchmark sentence ${run} of portolan dev.`;
    const started = performance.now();
    await writeFile(contract, original.replace(anchor, `${sentence} ${anchor}`));
    await page.getByText(sentence).waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    if (run > 0) figures.push(ms);
    console.log(`${run === 0 ? 'first save (not counted)' : `save ${run}`}: ${(ms / 1000).toFixed(2)} s`);
  }
  const sorted = [...figures].sort((a, b) => a - b);
  console.log(
    `portolan dev, a changed contract visible in the browser: median ${(median(figures) / 1000).toFixed(2)} s over ${runs} saves (min ${(sorted[0]! / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s); load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  await browser.close();
  dev.kill('SIGTERM');
  await new Promise((resolve) => dev.once('exit', resolve));
  await rm(dir, { recursive: true, force: true });
}
