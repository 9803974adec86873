import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { rawTextElements, startTags } from './html-tags.ts';
import { outputTexts } from '../../src/site/leak-audit.ts';

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
  const args = ['build', '--catalog', path.join(fixtures, fixture), '--content', path.join(projectRoot, 'content'), '--audience', 'public', '--out', 'site'];
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

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('a portal built from hostile catalogue Markdown and contract descriptions', () => {
  let hostile: Map<string, string>;
  let valid: Map<string, string>;
  let markers: string[];

  beforeAll(async () => {
    [hostile, valid, markers] = await Promise.all([build('hostile-markdown'), build('valid'), markersOf('hostile-markdown')]);
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

  it('runs no script and holds no style element but the portal’s own', () => {
    const own = (tag: 'script' | 'style') => new Set(pages(valid).flatMap(([, html]) => rawTextElements(html, tag)));
    for (const tag of ['script', 'style'] as const) {
      const portal = own(tag);
      expect(portal.size, tag).toBeGreaterThan(0);
      for (const [name, html] of pages(hostile))
        expect(
          rawTextElements(html, tag).filter((element) => !portal.has(element)),
          `${tag} in ${name}`,
        ).toEqual([]);
    }
  });

  it('has no event handler, frame, javascript:, data: or vbscript: URL, or style attribute from the content in any page', () => {
    for (const [name, html] of pages(hostile)) {
      const tags = startTags(html);
      expect(tags.length, name).toBeGreaterThan(10);
      const problems = tags.flatMap((tag) => [
        ...(dangerousTags.includes(tag.name) ? [`<${tag.name}>`] : []),
        ...tag.attributes
          .filter(([attribute, value]) => {
            if (attribute.startsWith('on')) return true;
            if (urlAttributes.includes(attribute)) return refusedScheme.test(asBrowsersRead(value));
            return attribute === 'style' && value.includes('XSS-');
          })
          .map(([attribute, value]) => `<${tag.name} ${attribute}="${value}">`),
      ]);
      expect(problems, name).toEqual([]);
    }
  });

  it('publishes contracts whose descriptions the try-it console can render safely, their text kept', () => {
    const downloads = [
      'apis/customer-api/openapi.json',
      'apis/customer-api/openapi.yaml',
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
