import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Api } from '../../src/catalog/model.ts';
import { tryItOrigins, writeContentSecurity } from '../../src/publish/content-security.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let site: string;

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'portolan-csp-'));
});
afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

async function page(route: string, html: string): Promise<void> {
  await mkdir(path.join(site, route), { recursive: true });
  await writeFile(path.join(site, route, 'index.html'), html);
}

const directive = (html: string, name: string) => new RegExp(`${name} ([^;"]*)`).exec(html)?.[1];

describe('the Content-Security-Policy of a build', () => {
  it('allows the portal’s own origin, its inline scripts by hash, and on a try-it page the API’s declared servers', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'catalog'));
    const theme = 'document.documentElement.dataset.theme = "dark";';
    await page(
      '',
      `<!doctype html><html><head><meta charset="utf-8"><script>${theme}</script></head><body><script type="module" src="/x.js"></script></body></html>`,
    );
    await page('apis/customer-api-v4/reference', '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    expect(await writeContentSecurity(site, catalog!, '/')).toBe(2);

    const home = await readFile(path.join(site, 'index.html'), 'utf8');
    expect(home).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /);
    const hash = createHash('sha256').update(theme).digest('base64');
    expect(directive(home, 'script-src')).toBe(`'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
    expect(directive(home, 'connect-src')).toBe("'self'");
    expect(directive(home, 'object-src')).toBe("'none'");

    const reference = await readFile(path.join(site, 'apis/customer-api-v4/reference/index.html'), 'utf8');
    expect(directive(reference, 'connect-src')).toBe("'self' https://api.nordwave.example https://auth.nordwave.example https://sandbox.api.nordwave.example");

    const headers = await readFile(path.join(site, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; .*frame-ancestors 'none'\n/);
    expect(headers).toContain(`'sha256-${hash}'`);
  });

  it('takes only well-formed origins, that nothing in a URL can break out of', () => {
    const urls = [
      'https://a";b.example/',
      "https://a'b.example",
      'https://a;b.example',
      'https://a,b*c.example',
      'https://{host}.example',
      'https://x.example/"; script-src *',
    ];
    const api = {
      environments: [...urls, 'http://localhost:8080/v1', 'wss://stream.example', 'javascript:alert(1)'].map((url) => ({ name: 'x', url })),
      contract: { securitySchemes: [{ flows: [{ tokenUrl: 'https://auth.example/token', authorizationUrl: 'https://a"b.example/authorize' }] }] },
    } as unknown as Api;
    expect(tryItOrigins(api)).toEqual(['http://localhost:8080', 'https://auth.example', 'https://x.example']);
  });

  it('takes only http(s) origins from an API’s environments and OAuth URLs', async () => {
    const { catalog } = await loadCatalog(path.join(projectRoot, 'catalog'));
    const events = catalog!.apis.find((api) => api.contract.format === 'asyncapi')!;
    for (const origin of tryItOrigins(events)) expect(origin).toMatch(/^https?:\/\/[^/]+$/);
  });
});
