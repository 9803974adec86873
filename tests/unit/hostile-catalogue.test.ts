import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { rawTextElements, startTags } from './html-tags.ts';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(projectRoot, 'tests/fixtures/catalogs');
const run = promisify(execFile);
const folders: string[] = [];

/** What is left of these payloads is text a reader sees (the words between two removed tags, a plain-text summary): never markup. */
const shownAsText = ['XSS-MARKER-01', 'XSS-MARKER-07', 'XSS-MARKER-11', 'XSS-MARKER-21', 'XSS-MARKER-34', 'XSS-MARKER-37'];
const dangerousTags = ['iframe', 'frame', 'object', 'embed'];
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster'];
const refusedScheme = /^(javascript|data|vbscript):/i;

/** Builds a fixture catalogue for the public audience from a new folder; returns every file of the output as text, Pagefind's inflated. */
async function build(fixture: string): Promise<Map<string, string>> {
  const cwd = await mkdtemp(path.join(os.tmpdir(), `portolan-${fixture}-`));
  folders.push(cwd);
  const args = [
    'build',
    '--no-cache',
    '--catalog',
    path.join(fixtures, fixture),
    '--content',
    path.join(projectRoot, 'content'),
    '--audience',
    'public',
    '--out',
    'site',
  ];
  await run(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
  const site = path.join(cwd, 'site');
  return new Map((await outputTexts(site)).map(({ file, text }) => [file, text]));
}

/** A URL as browsers read its scheme: without the spaces and control characters they skip. */
function asBrowsersRead(url: string): string {
  return [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
}

function pages(files: Map<string, string>): [string, string][] {
  return [...files].filter(([name]) => name.endsWith('.html'));
}

async function markersOf(fixture: string): Promise<string[]> {
  const root = path.join(fixtures, fixture);
  const sources = await Promise.all(
    (await readdir(root, { recursive: true })).filter((f) => /\.(ya?ml|md)$/.test(f)).map((f) => readFile(path.join(root, f), 'utf8')),
  );
  return [...new Set(sources.join('\n').match(/XSS-MARKER-\d+/g))].sort();
}

/** What a page holds that content must never bring: a frame, an event handler, a link or source of a refused scheme, a style attribute with a marker. */
function markupProblems(html: string): string[] {
  return startTags(html).flatMap((tag) => [
    ...(dangerousTags.includes(tag.name) ? [`<${tag.name}>`] : []),
    ...tag.attributes
      .filter(([attribute, value]) => {
        if (attribute.startsWith('on')) return true;
        if (urlAttributes.includes(attribute)) return refusedScheme.test(asBrowsersRead(value));
        return attribute === 'style' && value.includes('XSS-');
      })
      .map(([attribute, value]) => `<${tag.name} ${attribute}="${value}">`),
  ]);
}

/** The script and style elements of the valid fixture's pages: the portal's own. */
let portalElements: Promise<Record<'script' | 'style', Set<string>>> | undefined;
function ownElements(): Promise<Record<'script' | 'style', Set<string>>> {
  portalElements ??= build('valid').then((valid) => {
    const own = (tag: 'script' | 'style') => new Set(pages(valid).flatMap(([, html]) => rawTextElements(html, tag)));
    return { script: own('script'), style: own('style') };
  });
  return portalElements;
}

/** Elements of a page that are not the portal's own. */
async function foreignElements(html: string, tag: 'script' | 'style'): Promise<string[]> {
  const own = (await ownElements())[tag];
  expect(own.size, tag).toBeGreaterThan(0);
  return rawTextElements(html, tag).filter((element) => !own.has(element));
}

/** A directive of the Content-Security-Policy in a page's meta element or in `_headers`. */
const directive = (text: string, name: string) => new RegExp(`${name} ([^;"\n]*)`).exec(text)?.[1];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('a portal built from hostile catalogue Markdown and contract descriptions', () => {
  let hostile: Map<string, string>;
  let markers: string[];

  beforeAll(async () => {
    [hostile, markers] = await Promise.all([build('hostile-markdown'), markersOf('hostile-markdown'), ownElements()]);
  }, 240_000);

  it('shows the hostile pages, and what is left of the payloads as text', () => {
    expect(markers.length).toBeGreaterThan(30);
    for (const page of ['apis/customer-api/index.html', 'apis/customer-api/docs/hostile/index.html', 'apis/customer-api/reference/index.html'])
      expect(hostile.has(page), page).toBe(true);
    for (const marker of shownAsText)
      expect(
        pages(hostile).some(([, html]) => html.includes(marker)),
        marker,
      ).toBe(true);
    expect(hostile.get('apis/customer-api/docs/hostile/index.html')).toContain('<code>&#x3C;script>alert("XSS-SHOWN-01")&#x3C;/script></code>');
  });

  it('holds no trace of any other payload in any file: pages, search index, contract downloads, llms files', () => {
    for (const marker of markers.filter((m) => !shownAsText.includes(m)))
      expect(
        [...hostile].filter(([, text]) => text.includes(marker)).map(([name]) => name),
        marker,
      ).toEqual([]);
  });

  it('runs no script and holds no style element but the portal’s own', async () => {
    for (const tag of ['script', 'style'] as const)
      for (const [name, html] of pages(hostile)) expect(await foreignElements(html, tag), `${tag} in ${name}`).toEqual([]);
  });

  it('has no event handler, frame, javascript:, data: or vbscript: URL, or style attribute from the content in any page', () => {
    for (const [name, html] of pages(hostile)) {
      expect(startTags(html).length, name).toBeGreaterThan(10);
      expect(markupProblems(html), name).toEqual([]);
    }
  });

  it('publishes only the server whose URL is plain: in the pages, the console, the download and the Content-Security-Policy', () => {
    const sandbox = 'https://sandbox.customers.example/v1';
    const reference = hostile.get('apis/customer-api/reference/index.html')!;
    expect(directive(reference, 'connect-src')).toBe("'self' https://sandbox.customers.example");
    expect(directive(hostile.get('_headers')!, 'connect-src')).toBe("'self' https://sandbox.customers.example");
    const config = JSON.parse(
      startTags(reference)
        .find((tag) => tag.name === 'div' && tag.attributes.some(([name]) => name === 'data-config'))!
        .attributes.find(([name]) => name === 'data-config')![1],
    );
    expect(config.servers).toEqual([{ url: sandbox, description: 'Sandbox' }]);
    expect(JSON.parse(hostile.get('apis/customer-api/openapi.json')!).servers).toEqual([{ url: sandbox, description: 'Sandbox' }]);
    expect(hostile.get('apis/customer-api/index.html')).toContain(`<ul class="environments"><li><strong>Sandbox</strong> <code>${sandbox}</code></li></ul>`);
  });

  it('publishes contracts whose descriptions the try-it console can render safely, their text kept', () => {
    const downloads = [
      'apis/customer-api/openapi.json',
      'apis/customer-api/openapi.yaml',
      'apis/customer-api/console.json',
      'apis/customer-events/asyncapi.json',
      'apis/customer-events/asyncapi.yaml',
    ];
    for (const name of downloads)
      expect(hostile.get(name), name).not.toMatch(/<\/?(script|iframe|style|img|a|b|span)\b|\bon[a-z]+\s*=|\b(javascript|vbscript|data):/i);
    const openapi = JSON.parse(hostile.get('apis/customer-api/openapi.json')!);
    const operation = openapi.paths['/customers/{id}'].get;
    expect(openapi.info.description).toMatch(/^Customers of the partners\.\s+Terms\s*$/);
    expect(openapi.info).not.toHaveProperty('termsOfService');
    expect(operation.summary).toBe('Read a customer now');
    expect(operation.description).toMatch(/^Reads a customer\. Data\s*$/);
    expect(operation.parameters[0].description).toMatch(/^The id\.\s+vb\s*$/);
    expect(openapi.components.schemas.Customer.properties.name.description).toContain('The name.');
  });
});

describe('a portal built from hostile AsyncAPI 2.6 and 3.0 contracts', () => {
  /** Summaries, example names and scope descriptions: the pages show them as text, escaped, as they are written. */
  const shownAsText = [14, 17, 18, 19, 22, 39, 45, 46, 47, 49].map((n) => `XSS-MARKER-${n}`);
  const downloads = ['apis/events-v2/asyncapi.json', 'apis/events-v2/asyncapi.yaml', 'apis/events-v3/asyncapi.json', 'apis/events-v3/asyncapi.yaml'];
  let hostile: Map<string, string>;
  let markers: string[];

  beforeAll(async () => {
    [hostile, markers] = await Promise.all([build('hostile-asyncapi'), markersOf('hostile-asyncapi'), ownElements()]);
  }, 240_000);

  it('shows what is left of the payloads as text, never as markup', () => {
    expect(markers.length).toBeGreaterThan(40);
    for (const marker of shownAsText)
      expect(
        pages(hostile).some(([, html]) => html.includes(marker)),
        marker,
      ).toBe(true);
    expect(hostile.get('apis/events-v3/index.html')).toContain('<strong>ana &lt;img src=x onerror=&quot;alert(&#39;XSS-MARKER-46&#39;)&quot;&gt;</strong>');
  });

  it('holds no trace of any other payload in any file, and none of the text ones in a download', () => {
    for (const marker of markers)
      expect(
        [...hostile].filter(([name, text]) => text.includes(marker) && (!shownAsText.includes(marker) || downloads.includes(name))).map(([name]) => name),
        marker,
      ).toEqual([]);
  });

  it('has no script, style, event handler, frame or refused URL from the contracts in any page', async () => {
    for (const [name, html] of pages(hostile)) {
      for (const tag of ['script', 'style'] as const) expect(await foreignElements(html, tag), `${tag} in ${name}`).toEqual([]);
      expect(markupProblems(html), name).toEqual([]);
    }
    const ownCode = (name: string) => name.startsWith('pagefind/') || name.startsWith('_portolan/');
    expect([...hostile].filter(([name, text]) => !ownCode(name) && /\b(?:javascript|vbscript):|data:text/i.test(text)).map(([name]) => name)).toEqual([]);
    expect(directive(hostile.get('_headers')!, 'connect-src')).toBe("'self'");
  });

  it('publishes message examples with their name and summary made safe, their headers and payload as written', () => {
    for (const name of downloads)
      expect(hostile.get(name), name).not.toMatch(/<\/?(script|iframe|style|img|a|span)\b|\bon[a-z]+\s*=|\b(javascript|vbscript|data):/i);
    for (const api of ['events-v2', 'events-v3']) {
      const contract = JSON.parse(hostile.get(`apis/${api}/asyncapi.json`)!);
      expect(contract.components.messages.customerCreated.examples, api).toEqual([
        {
          name: 'ana ',
          summary: 'A new customer ',
          headers: { traceId: '<b>trace</b> & "quoted"' },
          payload: { id: 'c-1', name: 'Ana <Lopez> & Co', homepage: 'https://ana.example/?a=1&b=2' },
        },
      ]);
    }
    expect(hostile.get('apis/events-v2/index.html')).toContain('"name": "Ana &lt;Lopez&gt; &amp; Co"');
  });

  it('leaves out the servers it cannot publish and what refers to them, and every link of a refused scheme', () => {
    const v2 = JSON.parse(hostile.get('apis/events-v2/asyncapi.json')!);
    expect(Object.keys(v2.servers)).toEqual(['production']);
    expect(v2.servers.production.bindings).toEqual({ kafka: {} });
    expect(v2.channels['customer/created'].servers).toEqual(['production']);
    expect(v2.channels['customer/created'].subscribe.externalDocs).toEqual({});
    expect(v2.info).toEqual({
      title: 'Customer events v2',
      version: '1.0.0',
      description: 'Customer events. \n',
      contact: { name: 'Party team' },
      license: { name: 'Licence' },
    });
    const v3 = JSON.parse(hostile.get('apis/events-v3/asyncapi.json')!);
    expect(Object.keys(v3.servers)).toEqual(['production']);
    expect(v3.components.servers).toEqual({});
    expect(v3.channels.customerCreated.servers).toEqual([{ $ref: '#/servers/production' }]);
    expect(v3.components.externalDocs.guide).toEqual({ description: 'The guide ' });
    expect(v3.components.securitySchemes.oauth.flows.clientCredentials).toEqual({ availableScopes: { read: 'Read ' } });
    for (const api of ['events-v2', 'events-v3'])
      expect(hostile.get(`apis/${api}/index.html`)).toContain(
        '<ul class="environments"><li><strong>production</strong> <code>kafka://broker.events.example:9092</code></li></ul>',
      );
  });
});

describe('a docs page that starts with a ---js block', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is Markdown without front matter: the block is shown as text and never run, by check or build', async () => {
    // The block writes this file if anything runs it, in the test's process or the build's.
    const probe = path.join(await mkdtemp(path.join(os.tmpdir(), 'portolan-probe-')), 'front-matter-ran');
    folders.push(path.dirname(probe));
    vi.stubEnv('PORTOLAN_FRONT_MATTER_PROBE', probe);
    const { catalog, diagnostics } = await loadCatalog(path.join(fixtures, 'hostile-front-matter'));
    expect(diagnostics).toEqual([]);
    expect(catalog!.apis.find((a) => a.id === 'customer-api')!.docs.map((d) => d.title)).toEqual(['Onboarding']);
    const files = await build('hostile-front-matter');
    expect(existsSync(probe)).toBe(false);
    const page = files.get('apis/customer-api/docs/onboarding/index.html')!;
    expect(page).toMatch(/<h2[^>]*>---js\s+require\('node:fs'\)\.writeFileSync\(process\.env\.PORTOLAN_FRONT_MATTER_PROBE, 'ran'\)<\/h2>/);
  }, 120_000);
});
