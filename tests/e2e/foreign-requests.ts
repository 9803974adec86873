import type { Page } from '@playwright/test';

/**
 * Records every request the page makes to an origin other than the portal's own, and every
 * breach of the portal's Content-Security-Policy the browser reports (a script, style,
 * WebAssembly or connection the policy refused), so a test asserting none sees both.
 */
export function watchForeignRequests(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL).origin && url.protocol !== 'data:') foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) foreign.push(`refused by the policy: ${message.text()}`);
  });
  return foreign;
}
