import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGuides, type GuideSummary } from '../../src/site/content.ts';
import { formatLlmsFullText } from '../../src/publish/llms-full-text.ts';
import { formatLlmsText } from '../../src/publish/llms-text.ts';
import { smallCatalog } from './small-catalog.ts';

const location = { base: '/' };
const guides: GuideSummary[] = [{ slug: 'getting-started', title: 'Getting started', description: 'Register an application.', order: 1, audience: 'public' }];

describe('llms.txt', () => {
  it('follows llmstxt.org: a title, a summary quote, then lists of links with notes', () => {
    const text = formatLlmsText(smallCatalog(), { location, guides, tagline: 'Build on Acme.' });
    expect(text).toBe(
      [
        '# Acme [Dev] Portal',
        '',
        '> Build on Acme.',
        '',
        "Acme's API catalogue for the public audience: 3 APIs in 2 business domains. Each API page holds its business documentation (purpose, triggers, data, rules, policy), every operation with OK and KO examples, and its contract for download.",
        '',
        '## APIs',
        '',
        '### Sales',
        '',
        '- [Billing API](/apis/billing-api/): Billing API summary. (process API, stable)',
        '',
        '### Sales › Fulfilment',
        '',
        '- [Order Events](/apis/order-events/): Order Events summary. (event API, beta)',
        '- [Orders API](/apis/orders-api/): Orders API summary. (data API, stable)',
        '',
        '## Guides',
        '',
        '- [Getting started](/guides/getting-started/): Register an application.',
        '',
        '## Optional',
        '',
        '- [API index](/apis/): every API by business domain, with its type, lifecycle and owning team',
        '- [Business domains](/domains/): the domain taxonomy, with the number of APIs in each domain',
        '- [Teams](/teams/): the teams that own the APIs: product owner, contact and APIs of each',
        '- [Every API in full](/llms-full.txt): the business documentation and every operation of each API, in Markdown',
        '- [The catalogue as JSON](/catalog.json): every API with its domain, owner, consumers and links, and the domains, teams and services',
        '',
      ].join('\n'),
    );
  });

  it('links under the base path, or absolute when the site is known, and escapes brackets in link text', () => {
    const catalog = smallCatalog();
    catalog.apis[1]!.name = 'Billing [legacy] API';
    expect(formatLlmsText(catalog, { location: { base: '/portal/' }, guides })).toContain('- [Billing \\[legacy\\] API](/portal/apis/billing-api/)');
    const absolute = formatLlmsText(catalog, { location: { base: '/', site: 'https://dev.acme.example/' }, guides });
    expect(absolute).toContain('(https://dev.acme.example/guides/getting-started/)');
    expect(absolute).toContain('(https://dev.acme.example/llms-full.txt)');
    expect(absolute).not.toMatch(/\]\(\//);
  });

  it('summarises the portal by its organisation when the home page has no tagline, and leaves out an empty guides section', () => {
    const text = formatLlmsText(smallCatalog(), { location, guides: [] });
    expect(text).toContain('\n> The APIs of Acme.\n');
    expect(text).not.toContain('## Guides');
  });
});

describe('the guides llms.txt lists', () => {
  it('are read from their front matter, in the order the portal shows them, named as their pages are', async () => {
    const { value: read, diagnostics } = await readGuides(path.resolve(import.meta.dirname, '../../content'));
    expect(diagnostics).toEqual([]);
    expect(read[0]).toEqual({
      slug: 'getting-access',
      title: 'Getting access',
      description: "How to get sandbox and production credentials for Nordwave's public and partner APIs.",
      order: 1,
      audience: 'public',
    });
    expect(read.map((g) => g.order)).toEqual([...read.map((g) => g.order)].sort((a, b) => a - b));
    expect(read.map((g) => g.slug)).toContain('sandbox-and-environments');
    expect(read.find((g) => g.slug === 'contributing')?.audience).toBe('internal');
  });

  it('are left out when their front matter is wrong, with an error at the value in the guide', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'portolan-guides-'));
    await mkdir(path.join(content, 'guides'));
    await writeFile(path.join(content, 'guides', 'secret.mdx'), '---\ntitle: Secret\naudience: staff\n---\n\nText.\n');
    await writeFile(path.join(content, 'guides', 'broken.md'), '---\ntitle: [Broken\n---\n');
    await writeFile(path.join(content, 'guides', 'fine.md'), '---\ntitle: Fine\n---\n');
    const { value, diagnostics } = await readGuides(content, path.dirname(content));
    expect(value.map((g) => g.slug)).toEqual(['fine']);
    const secret = diagnostics.find((d) => d.file.endsWith('secret.mdx'))!;
    expect(secret).toMatchObject({ code: 'schema/enum', severity: 'error', line: 3, column: 11, file: `${path.basename(content)}/guides/secret.mdx` });
    expect(secret.hint).toBe('Use one of: public, partner, internal.');
    expect(diagnostics.find((d) => d.file.endsWith('broken.md'))).toMatchObject({ code: 'yaml/syntax', line: 2 });
    await rm(content, { recursive: true, force: true });
  });

  it('are none when there is no guides folder', async () => {
    expect(await readGuides(path.resolve(import.meta.dirname, '../fixtures/catalogs/valid'))).toEqual({ value: [], diagnostics: [] });
  });
});

describe('llms-full.txt', () => {
  const text = formatLlmsFullText(smallCatalog(), location);

  it('has every API with its facts and its business documentation as written', () => {
    const orders = text.slice(text.indexOf('## Orders API'));
    expect(orders).toContain(
      [
        '## Orders API',
        '',
        'Orders API summary.',
        '',
        '- Page: /apis/orders-api/',
        '- Type: data; lifecycle: stable; audience: public',
        '- Owner: Sales team (sales@acme.example)',
        '- Domain: Sales › Fulfilment; service: Shipping',
        '- Contract: OpenAPI 3.1.0, version 1.10.0; download [YAML](/apis/orders-api/openapi.yaml), [JSON](/apis/orders-api/openapi.json)',
        '- Tags: order',
        '',
        '### Purpose',
        '',
        'Take **orders**.',
        '',
        '### Data',
        '',
        '- Order (personal)',
        '',
        '### Rules',
        '',
        '- One order a basket.',
      ].join('\n'),
    );
    expect(text.match(/^## /gm)).toHaveLength(3);
  });

  it('has each HTTP operation with its method, path, summary, description and response statuses', () => {
    expect(text).toContain(
      ['### GET /orders/{id}', '', 'Read an order', '', 'Returns one order.', '', 'Responses:', '', '- 200: The order.', '- 404'].join('\n'),
    );
  });

  it('links each operation to its place on its API page, at its anchor', () => {
    expect(text).toMatch(/- 404\n\nReference: \S*\/apis\/[a-z-]+\/#get-order\n/);
  });

  it('has each AsyncAPI operation as what the reader does, its title and channel, with its messages', () => {
    expect(text).toContain(
      ['### You receive: Order shipped (channel orders.shipped)', '', 'An order left the warehouse', '', 'Messages:', '', '- Order shipped'].join('\n'),
    );
  });

  it('has the catalogue’s text sanitised as the pages’ Markdown is', () => {
    const catalog = smallCatalog();
    const orders = catalog.apis.find((a) => a.id === 'orders-api')!;
    orders.business.purpose = 'Take <script>alert(1)</script>**orders**, [see](javascript:alert(2)).';
    orders.contract.operations[0]!.description = 'Returns <img src=x onerror=alert(3)>one order.';
    const hostile = formatLlmsFullText(catalog, location);
    expect(hostile).toContain('### Purpose\n\nTake alert(1)**orders**, see.\n');
    expect(hostile).toContain('Returns one order.');
    expect(hostile).not.toMatch(/<script|onerror|javascript:/);
  });

  it('links under the base path as the pages do, and absolutely when the site is known', () => {
    const catalog = smallCatalog();
    const orders = catalog.apis.find((a) => a.id === 'orders-api')!;
    orders.business.purpose =
      'See [auth](/guides/authentication/ "Auth"), [ref][r], ![map](/map.png), [kept](/portal/x/), [ext](https://example.com/) and [rel](docs/x/).\n\n[r]: /apis/x/#schema-Y';
    orders.contract.operations[0]!.description = 'Read [the errors guide](/guides/errors/#retries).';
    const under = formatLlmsFullText(catalog, { base: '/portal/' });
    expect(under).toContain(
      'See [auth](</portal/guides/authentication/> "Auth"), [ref][r], ![map](</portal/map.png>), [kept](/portal/x/), [ext](https://example.com/) and [rel](docs/x/).\n\n[r]: </portal/apis/x/#schema-Y>',
    );
    expect(under).toContain('Read [the errors guide](</portal/guides/errors/#retries>).');
    const absolute = formatLlmsFullText(catalog, { base: '/portal', site: 'https://dev.acme.example' });
    expect(absolute).toContain('[auth](<https://dev.acme.example/portal/guides/authentication/> "Auth")');
    // Without a base or a site, the text is kept byte for byte.
    expect(formatLlmsFullText(catalog, location)).toContain('See [auth](/guides/authentication/ "Auth"), [ref][r]');
  });

  it('is the same text for the same catalogue, in the order of llms.txt', () => {
    const catalog = smallCatalog();
    expect(formatLlmsFullText({ ...catalog, apis: [...catalog.apis].reverse() }, location)).toBe(text);
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Billing API', 'Order Events', 'Orders API']);
  });
});

describe('catalogue text in the llms files', () => {
  it('opens no HTML tag when a Markdown renderer reads it: names, summaries, domains and operation titles', () => {
    const catalog = smallCatalog();
    const api = catalog.apis[0]!;
    api.name = 'Orders <script>alert(1)</script> API';
    api.summary = 'Lists <img src=x onerror=alert(2)> orders; a < b stays.';
    catalog.domains[0]!.name = 'Sales <!-- hidden -->';
    const texts = [formatLlmsText(catalog, { location, guides, tagline: 'Build on Acme.' }), formatLlmsFullText(catalog, location)];
    for (const text of texts) {
      expect(text).not.toMatch(/<(script|img|!--)/);
      expect(text).toContain('Orders &lt;script>alert(1)&lt;/script> API');
      expect(text).toContain('a < b stays.');
    }
    expect(texts[0]).toContain('Lists &lt;img src=x onerror=alert(2)> orders');
  });
});
