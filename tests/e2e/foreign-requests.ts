import type { Page } from '@playwright/test';

/** Records every request the page makes to an origin other than the portal's own. */
export function watchForeignRequests(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL).origin && url.protocol !== 'data:') foreign.push(request.url());
  });
  return foreign;
}
