import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalOnlyFiles, internalOnlyTerms } from '../../src/audience/internal-only.ts';
import { leakFinder } from '../../src/audience/leak-audit.ts';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];

/** Builds the example catalogue for `audience` (with --site, so a sitemap is written); returns its folder and every text file, the search index decompressed. */
async function buildFor(audience: string): Promise<{ out: string; files: { file: string; text: string }[] }> {
  const out = await mkdtemp(path.join(os.tmpdir(), `portolan-kpi-${audience}-`));
  folders.push(out);
  const result = spawnSync(
    process.execPath,
    ['bin/portolan.js', 'build', '--no-cache', '--audience', audience, '--site', 'https://portal.example.com', '--out', out],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return { out, files: await outputTexts(out) };
}

let internal: Awaited<ReturnType<typeof buildFor>>;
let publicBuild: Awaited<ReturnType<typeof buildFor>>;

beforeAll(async () => {
  internal = await buildFor('internal');
  publicBuild = await buildFor('public');
}, 300_000);

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const domainIds = ['billing', 'customer', 'engagement', 'insight', 'ordering', 'party', 'product-catalogue', 'service-resource'];

describe('the KPI pages of a build', () => {
  it('are in an internal build: the portfolio’s and each domain’s, each with its kpis.json', () => {
    const names = new Set(internal.files.map((f) => f.file));
    for (const route of ['kpis/', ...domainIds.map((id) => `domains/${id}/kpis/`)]) {
      expect(names.has(`${route}index.html`), route).toBe(true);
      expect(names.has(`${route}kpis.json`), route).toBe(true);
    }
  });

  it('show the figures of their kpis.json, each chart beside a table of the same data', async () => {
    const json = JSON.parse(await readFile(path.join(internal.out, 'kpis/kpis.json'), 'utf8')) as {
      scope: string;
      figures: { apis: number; byLifecycle: Record<string, number> };
    };
    const html = await readFile(path.join(internal.out, 'kpis/index.html'), 'utf8');
    expect(json.scope).toBe('portfolio');
    expect(json.figures.apis).toBe(21);
    expect(html).toMatch(new RegExp(`<dt[^>]*>APIs</dt>\\s*<dd[^>]*>${json.figures.apis}</dd>`));
    expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>stable</th>\\s*<td[^>]*>${json.figures.byLifecycle['stable']}</td>`));
    expect((html.match(/<svg viewBox="0 0 640 240" aria-hidden="true"/g) ?? []).length).toBe(6);
    expect((html.match(/<caption[^>]*>[^<]*, per quarter<\/caption>/g) ?? []).length).toBe(6);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")[^>]*>[^<]*kpi/i);
  });

  it('are linked from the domains index and each domain page of an internal build', async () => {
    expect(await readFile(path.join(internal.out, 'domains/index.html'), 'utf8')).toContain('href="/kpis/"');
    expect(await readFile(path.join(internal.out, 'domains/party/index.html'), 'utf8')).toContain('href="/domains/party/kpis/"');
  });

  it('leave no trace in a public build: no page, no kpis.json, no link, no search record, nothing in the sitemap or llms.txt', () => {
    expect(publicBuild.files.filter((f) => /(^|\/)kpis(\/|\.json)/.test(f.file)).map((f) => f.file)).toEqual([]);
    expect(publicBuild.files.filter((f) => /\/kpis\/|kpis\.json|Portfolio KPIs/.test(f.text)).map((f) => f.file)).toEqual([]);
    const names = publicBuild.files.map((f) => f.file);
    expect(names).toContain('sitemap-index.xml');
    expect(names).toContain('llms.txt');
    expect(names.some((name) => name.startsWith('pagefind/'))).toBe(true);
  });
});

describe('the leak audit of KPI pages', () => {
  it('reports a KPI page, a kpis.json or a link to one in a public or partner build, and nothing in an internal one', () => {
    const files = ['index.html', 'kpis/index.html', 'kpis/kpis.json', 'domains/party/kpis/index.html', 'domains/party/index.html'];
    expect(internalOnlyFiles(files, 'partner').map((leak) => leak.file)).toEqual(['kpis/index.html', 'kpis/kpis.json', 'domains/party/kpis/index.html']);
    expect(internalOnlyFiles(files, 'internal')).toEqual([]);
    const find = leakFinder(internalOnlyTerms('public'));
    expect(find('domains/party/index.html', '<a href="/portal/domains/party/kpis/">KPIs</a>').map((leak) => leak.term)).toEqual(['/kpis/']);
    expect(find('pagefind/x.pf_fragment', '{"url":"/kpis/kpis.json"}').map((leak) => leak.term)).toEqual(['kpis.json']);
    expect(internalOnlyTerms('internal')).toEqual([]);
  });
});
