import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const [,, url, out, width = '1280', scheme = 'light', full = 'full'] = process.argv;
const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 }, colorScheme: scheme });
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
