import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/build/broken-links.ts';
import { LinkCheck } from '../../src/build/link-check.ts';
import { smallCatalog } from './small-catalog.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'portolan-link-sources-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

describe('a broken link, found at its source', () => {
  it('is reported at its line in a YAML field (exactly in a | block), once even when it is broken on two pages', async () => {
    const catalogDir = path.join(work, 'catalog');
    const site = path.join(work, 'site');
    const serviceYaml = [
      'name: Shipping',
      'owner: sales-team',
      'description: |',
      '  Ships orders.',
      '  See [the docs](docs/x/) and [rules](/apis/orders-api/#rules).',
      '',
    ].join('\n');
    const apiYaml = ['name: Orders API', 'business:', '  purpose: Take [orders](/guides/orders/).', ''].join('\n');
    await writeFiles(catalogDir, { 'sales/fulfilment/shipping/service.yaml': serviceYaml, 'sales/fulfilment/orders-api/api.yaml': apiYaml });
    await writeFiles(site, { 'index.html': '', 'domains/fulfilment/index.html': '', 'services/shipping/index.html': '', 'apis/orders-api/index.html': '' });
    const catalog = smallCatalog();
    catalog.services[0]!.description = 'Ships orders.\nSee [the docs](docs/x/) and [rules](/apis/orders-api/#rules).\n';
    const orders = catalog.apis.find((api) => api.id === 'orders-api')!;
    orders.business.purpose = 'Take [orders](/guides/orders/).';
    orders.source = { file: 'sales/fulfilment/orders-api/api.yaml' };

    const links = new LinkCheck('/portal/');
    // The service's description is shown on its page and on its domain's.
    links.add('services/shipping/index.html', { links: ['docs/x/', '/portal/apis/orders-api/#rules'], anchors: [] });
    links.add('domains/fulfilment/index.html', { links: ['docs/x/', '/portal/apis/orders-api/#rules'], anchors: [] });
    links.add('apis/orders-api/index.html', { links: ['/portal/guides/orders/'], anchors: ['business'] });
    const found = await checkLinks(links, site, {
      catalog,
      base: '/portal/',
      out: path.join(work, 'dist'),
      catalogDir,
      contentDir: path.join(work, 'no-content'),
    });

    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      'sales/fulfilment/orders-api/api.yaml:3:17 warning the link "/guides/orders/" (served as "/portal/guides/orders/") leads to no page or file of the portal: the build wrote no guides/orders/index.html',
      'sales/fulfilment/shipping/service.yaml:5:7 warning the link "docs/x/" leads to no page or file of the portal: the build wrote no services/shipping/docs/x/index.html',
      'sales/fulfilment/shipping/service.yaml:5:31 warning the link "/apis/orders-api/#rules" (served as "/portal/apis/orders-api/#rules") leads to apis/orders-api/index.html, which has no element with the id "rules"',
    ]);
    expect(found.every((d) => d.code === 'link/broken' && d.hint)).toBe(true);
  });

  it('is reported at the page that holds it when no Markdown wrote it, with the page’s line and how many other pages hold it', async () => {
    const site = path.join(work, 'pages');
    await writeFiles(site, { 'index.html': '<html>\n<body>\n<a href="/nav/">x</a>\n</body>\n</html>\n', 'teams/a/index.html': '' });
    const links = new LinkCheck('/');
    links.add('index.html', { links: ['/nav/'], anchors: [] });
    links.add('teams/a/index.html', { links: ['/nav/'], anchors: [] });
    const [only, ...none] = await checkLinks(links, site, {
      catalog: smallCatalog(),
      base: '/',
      out: path.join(work, 'dist'),
      catalogDir: path.join(work, 'catalog'),
      contentDir: path.join(work, 'no-content'),
    });
    expect(none).toEqual([]);
    expect(`${only!.file}:${only!.line} ${only!.message}`).toBe(
      '../dist/index.html:3 the link "/nav/" leads to no page or file of the portal: the build wrote no nav/index.html (and on 1 other page)',
    );
    expect(only!.hint).toContain('Portolan’s pages wrote it');
  });
});
