import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageLinks } from '../../src/build/page-links.ts';
import { builtPages } from '../../src/site/built-files.ts';
import { hashFiles } from './file-hashes.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const catalog = 'tests/fixtures/catalogs/broken-links';
const content = 'tests/fixtures/content/broken-links';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'portolan-links-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function build(out: string, ...more: string[]) {
  const args = [
    'bin/portolan.js',
    'build',
    '--catalog',
    catalog,
    '--content',
    content,
    '--out',
    out,
    '--base',
    '/portal/',
    '--cache',
    path.join(work, 'cache'),
    ...more,
  ];
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each broken link of the fixture, at the line of the Markdown that wrote it (or of the page, for a contract's description). */
const expected = [
  `${catalog}/party/customer-api/api.yaml:12:19 warning the link "/guides/missing/" (served as "/portal/guides/missing/") leads to no page or file of the portal`,
  `${catalog}/party/customer-api/api.yaml:13:32 warning the link "/apis/customer-api/#no-such-anchor" (served as "/portal/apis/customer-api/#no-such-anchor") leads to apis/customer-api/index.html, which has no element with the id "no-such-anchor"`,
  `${catalog}/party/customer-api/docs/usage.md:3:91 warning the link "#usage" leads to apis/customer-api/docs/usage/index.html, which has no element with the id "usage"`,
  `${catalog}/party/customer-api/docs/usage.md:5:5 warning the link "/apis/customer-api/docs/gone/"`,
  `${catalog}/party/customer-api/docs/usage.md:7:1 warning the link "/apis/customer-api/docs/older/"`,
  `${catalog}/party/domain.yaml:4:14 warning the link "/guides/start/#lost" (served as "/portal/guides/start/#lost") leads to guides/start/index.html, which has no element with the id "lost"`,
  `${content}/index.md:5:46 warning the link "/guides/absent/"`,
  `${content}/guides/start.mdx:12:50 warning the link "/domains/nowhere/" (served as "/portal/domains/nowhere/")`,
  `${content}/guides/start.mdx:14:10 warning the link "/apis/no-such-api/"`,
  `${content}/guides/start.mdx:14:49 warning the link "#no-such-heading" leads to guides/start/index.html, which has no element with the id "no-such-heading"`,
];
/** A link a contract's description wrote: found on the page, at the page's line. */
const onPage =
  /\/apis\/customer-api\/index\.html:\d+:1 warning the link "\/portal\/guides\/errors\/" leads to no page or file of the portal: the build wrote no guides\/errors\/index\.html \[link\/broken\]/;

function expectEveryBrokenLink(stdout: string): void {
  for (const line of expected) expect(stdout).toContain(line);
  expect(stdout).toMatch(onPage);
  expect(stdout.match(/\[link\/broken\]/g)).toHaveLength(expected.length + 1);
  expect(stdout).toContain(`0 errors, ${expected.length + 1} warnings in 6 files`);
}

describe('a portal built under a base path', () => {
  it('serves the links of guides and catalogue Markdown under it, and reports each broken one at its source', async () => {
    const out = path.join(work, 'site');
    const run = build(out);
    expect(run.status, run.stderr).toBe(0);
    expectEveryBrokenLink(run.stdout);

    // Every link of every page stays under the base path, and the good ones lead to a file (and an id) of the output.
    const pages = await builtPages(out);
    const links = new Map<string, string[]>();
    const anchors = new Map<string, string[]>();
    for (const page of pages) {
      const found = pageLinks(await readFile(path.join(out, page), 'utf8'));
      links.set(page, found.links);
      anchors.set(page, found.anchors);
    }
    const rootRelative = [...links.values()].flat().filter((url) => url.startsWith('/'));
    expect(rootRelative.filter((url) => !url.startsWith('/portal/'))).toEqual([]);
    const good = {
      'apis/customer-api/index.html': ['/portal/guides/start/', '/portal/apis/customer-api/#schema-Customer'],
      'domains/party/index.html': ['/portal/guides/start/#first-steps'],
      'guides/start/index.html': [
        '/portal/apis/customer-api/',
        '/portal/apis/customer-api/#get-customer',
        '/portal/apis/customer-api/docs/usage/',
        '/portal/domains/party/',
      ],
      'apis/customer-api/docs/usage/index.html': ['/portal/', '/portal/domains/party/', '../../reference/'],
      'index.html': ['/portal/guides/start/'],
    };
    for (const [page, urls] of Object.entries(good)) {
      expect(links.get(page)).toEqual(expect.arrayContaining(urls));
      for (const url of urls) {
        const target = new URL(url, `http://portal.test/portal/${page.replace(/index\.html$/, '')}`);
        const file = `${target.pathname.slice('/portal/'.length)}index.html`;
        expect(existsSync(path.join(out, file)), url).toBe(true);
        if (target.hash) expect(anchors.get(file)).toContain(target.hash.slice(1));
      }
    }
  }, 120_000);

  it('reports them again when the pages come from the cache, and when the output is up to date', () => {
    const out = path.join(work, 'from-cache');
    const cached = build(out);
    expect(cached.status, cached.stderr).toBe(0);
    expect(cached.stdout).toMatch(/ 3 of 3 groups of pages/);
    expectEveryBrokenLink(cached.stdout);
    const again = build(out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('is up to date');
    expectEveryBrokenLink(again.stdout);
  }, 120_000);

  it('stops with --strict, each broken link an error, and leaves the previous output as it was', async () => {
    const out = path.join(work, 'site');
    const before = await hashFiles(out);
    const run = build(out, '--strict');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${catalog}/party/customer-api/api.yaml:12:19 error the link "/guides/missing/"`);
    expect(run.stdout).toContain(`${expected.length + 1} errors, 0 warnings in 6 files`);
    expect(run.stderr).toContain('was left untouched');
    expect(await hashFiles(out)).toEqual(before);
  }, 120_000);
});
