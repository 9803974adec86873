import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { answer } from '../../mock/browser-answer.ts';
import type { MockData } from '../../mock/browser-data.ts';

/** Where the try-it page finds what the in-browser mock needs. */
export interface BrowserMockOptions {
  /** The API's mock.json. */
  dataUrl: string;
  /** msw's service worker script, and the scope it controls (the pages that may use the mock). */
  workerUrl: string;
  scope: string;
  /** The absolute URL the mock answers on, e.g. https://portal.example/_mock/customer-api-v4. */
  serverUrl: string;
}

/**
 * Answers the try-it console's calls to the Mock server in the browser, from the API's examples:
 * msw's service worker catches them, `answer` picks the example. Other calls pass through.
 */
export async function startBrowserMock(options: BrowserMockOptions): Promise<void> {
  const data = (await (await fetch(options.dataUrl)).json()) as MockData;
  const prefix = new URL(options.serverUrl).pathname;
  const worker = setupWorker(
    http.all(`${options.serverUrl}/*`, ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(prefix.length) || '/';
      const result = answer(data, request.method, path, request.headers, url.searchParams);
      return new HttpResponse(result.body === undefined ? null : JSON.stringify(result.body), { status: result.status, headers: result.headers });
    }),
  );
  await worker.start({ serviceWorker: { url: options.workerUrl, options: { scope: options.scope } }, quiet: true, onUnhandledFrame: 'bypass' });
}
