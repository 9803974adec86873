/**
 * How Playwright starts Chromium here: Debian's build (Playwright cannot download its own), headless
 * without a sandbox, and with every background connection to Google's services switched off, so a
 * test or benchmark counting requests sees only the page's own.
 */
export const chromiumLaunch = {
  executablePath: process.env['PORTOLAN_CHROMIUM'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
