import { existsSync } from 'node:fs';
import { access, mkdir, mkdtemp, opendir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexedHtml } from '../../src/search/indexed-html.ts';
import { openSearchIndex, writeSearchIndex } from '../../src/search/pagefind-index.ts';
import { differingFiles, hashFiles } from './file-hashes.ts';

let site: string;

async function writePage(route: string, html: string, into = site): Promise<void> {
  await mkdir(path.join(into, route), { recursive: true });
  await writeFile(path.join(into, route, 'index.html'), `<!doctype html><html lang="en"><body>${html}</body></html>`);
}

/** tmpfs lists a folder's entries newest first, so two folders written in opposite orders are listed differently. */
const tmpfs = '/dev/shm';

/** A folder's entries in the file system's own order (Node's readdir sorts them; a directory walk such as Pagefind's does not). */
async function listUnsorted(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of await opendir(dir)) names.push(entry.name);
  return names;
}

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'portolan-search-'));
  await writePage('apis/customer-bill-api', '<main data-pagefind-body><h1>Customer Bill API</h1><p>Bills and invoices.</p></main>');
  await writePage('guides/authentication', '<main data-pagefind-body><h1>Authentication</h1><p>PKCE.</p></main>');
  await writePage('search', '<main><h1>Search</h1></main>');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(site, { recursive: true, force: true });
});

describe('the search index', () => {
  it('holds the pages marked for search and ships Pagefind’s interface beside it', async () => {
    expect(await writeSearchIndex(site)).toBe(2);
    for (const file of ['pagefind-entry.json', 'pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css']) await access(path.join(site, 'pagefind', file));
  });

  it('fails with one sentence, not a stack trace, when Pagefind cannot start', async () => {
    vi.stubEnv('PAGEFIND_BINARY_PATH', path.join(site, 'no-such-pagefind'));
    const printed = vi.spyOn(console, 'error');
    await expect(writeSearchIndex(site)).rejects.toThrow(/^the search index could not be built: Pagefind stopped: spawn .*no-such-pagefind ENOENT$/);
    expect(printed).not.toHaveBeenCalled();
  });

  it.skipIf(!existsSync(tmpfs))('is the same bytes whatever order the file system lists the pages in', async () => {
    const names = ['billing-api', 'customer-api', 'order-api', 'party-api', 'ticket-api', 'usage-events'];
    const sites = [await mkdtemp(path.join(tmpfs, 'portolan-search-')), await mkdtemp(path.join(tmpfs, 'portolan-search-'))];
    try {
      for (const [index, order] of [names, [...names].reverse()].entries()) {
        for (const name of order)
          await writePage(`apis/${name}`, `<main data-pagefind-body><h1>${name}</h1><p>Customers, orders and ${name} bills.</p></main>`, sites[index]);
      }
      const listings = await Promise.all(sites.map((dir) => listUnsorted(path.join(dir, 'apis'))));
      expect(listings[0], 'the two folders must be listed in different orders for this test to mean anything').not.toEqual(listings[1]);
      for (const dir of sites) expect(await writeSearchIndex(dir)).toBe(names.length);
      const [first, second] = await Promise.all(sites.map(hashFiles));
      expect(differingFiles(first!, second!)).toEqual([]);
    } finally {
      for (const dir of sites) await rm(dir, { recursive: true, force: true });
    }
  });

  it('is the same index whether Pagefind reads the pages as rendered or as the build trims them', async () => {
    // What an API page holds: a header and nav, badges, a table of contents, operations with ids, code, details, schemas, filters and meta.
    // Spaces are written where words would run together, so the trimming is all that differs.
    const pages = {
      'apis/customer-bill-api/index.html': `<!doctype html><html lang="en"><head><title>Customer Bill API</title><meta name="description" content="Bills"><link rel="stylesheet" href="/a.css"></head>
<body class="page"><header class="site"><nav aria-label="Main"><a href="/" class="brand"><span>Portolan</span></a><ul><li><a href="/apis/">APIs</a></li></ul></nav></header>
<main id="main" class="container wide" data-pagefind-body data-pagefind-meta="kind:api"><nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/domains/">Domains</a></li></ol></nav>
<header class="api-header"><h1 class="title">Customer Bill API</h1><p class="lead" data-pagefind-weight="5">Monthly <strong>bills</strong> and <em>in</em>voices.</p>
<p class="badges" data-pagefind-ignore><span class="badge badge-ok" title="lifecycle: live">live</span><span data-pagefind-filter="domain" class="badge">Billing</span></p></header>
<api-toc class="api-toc" data-pagefind-ignore="true"><nav aria-label="On this page"><ul><li><a href="#listBills"><span class="method">GET</span><span>List bills</span></a></li></ul></nav></api-toc>
<section id="operations" class="ops"><h2>Operations <span class="muted small">(2)</span></h2><ul class="operations"><li id="listBills" class="operation" data-pagefind-title="List bills"><span id="list-bills" class="anchor-alias"></span>
<h4 class="op-title">List bills<a class="anchor" href="#listBills" aria-label="Link to List bills" data-pagefind-ignore>#</a></h4><p class="op-signature"><span class="method method-get">GET</span><code class="op-path">/bills</code></p>
<div class="prose"><p>Returns the <a href="/glossary/#bill">bills</a> of a <code>customer</code>, newest first.</p></div><ul class="params"><li><p class="property-head"><code class="property-name">limit</code> <small>integer</small> <span class="param-in">in query</span></p><span class="prose-inline">At most this many.</span></li></ul>
<details><summary><span class="status status-ok">200</span> <span class="prose-inline">A page of bills.</span></summary><div class="schema"><p>id string</p></div></details><figure class="code-block"><figcaption>Request</figcaption><pre tabindex="0"><code>GET /bills</code></pre></figure>
<dl class="facts"><dt>Rate limit</dt> <dd>100 a minute</dd></dl><table><thead><tr><th>Code</th></tr></thead><tbody><tr><td><span class="badge">KO</span> 409</td><th scope="row">withdrawn</th></tr></tbody></table></li>
<li id="getBill" class="operation" data-pagefind-title="Read a bill"><h4 class="op-title">Read a bill</h4><p>One <mark>bill</mark>, by its <abbr title="identifier">id</abbr><sup>1</sup>.</p><img src="/bill.png" alt="A bill" class="figure"></li></ul></section>
<svg class="icon" viewBox="0 0 1 1"><title>Icon</title><path d="M0 0"/></svg><span lang="fr" class="translated">facture mensuelle</span></main>
<footer class="site-footer"><p>Built by <a href="https://example.com">Portolan</a></p></footer><script type="module" src="/x.js"></script></body></html>`,
      'guides/authentication/index.html': `<!doctype html><html lang="en"><head><title>Authentication</title></head><body><main data-pagefind-body><h1 id="top">Authentication</h1>
<p>Use <code>PKCE</code> with the <a href="/apis/">APIs</a>; <kbd>Ctrl</kbd>+<kbd>K</kbd> searches.</p><ol class="steps"><li><span class="step">Register</span> an <i>app</i></li></ol><blockquote class="note"><p>Tokens <time datetime="2026-01-01">expire</time>.</p></blockquote></main></body></html>`,
    };
    const written = async (read: (html: string) => string) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-search-'));
      const index = await openSearchIndex();
      try {
        for (const [page, html] of Object.entries(pages)) await index.add(page, read(html));
        await index.write(dir);
      } finally {
        await index.close();
      }
      return dir;
    };
    const dirs = [await written((html) => html), await written(indexedHtml)];
    try {
      expect(indexedHtml(pages['apis/customer-bill-api/index.html']).length, 'the trimmed page must be smaller for this test to mean anything').toBeLessThan(
        pages['apis/customer-bill-api/index.html'].length * 0.7,
      );
      const [asRendered, asTrimmed] = await Promise.all(dirs.map(hashFiles));
      expect(differingFiles(asRendered!, asTrimmed!)).toEqual([]);
    } finally {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });
});
