import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a browser fetches for one page before the reader does anything: its HTML and its JavaScript. */
export interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Inline scripts, script files and the modules they import statically. */
  jsBytes: number;
  /** Whether any of that JavaScript is the try-it console's. */
  loadsTryIt: boolean;
}

const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;

/** Weighs `page` (a path under `site`, e.g. apis/x/index.html), following script files and their static imports. */
export function weighPage(site: string, page: string): PageWeight {
  const html = readFileSync(join(site, page), 'utf8');
  const files = new Set<string>();
  let jsBytes = 0;
  for (const [, attributes = '', body = ''] of html.matchAll(scriptTag)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) collectModule(site, resolve(site, `.${new URL(src, 'http://x/').pathname}`), files);
    else if (!/type="application\/(ld\+)?json"/.test(attributes)) {
      jsBytes += Buffer.byteLength(body);
      for (const [, target = ''] of body.matchAll(staticImport)) collectModule(site, resolve(site, `.${new URL(target, 'http://x/').pathname}`), files);
    }
  }
  for (const file of files) jsBytes += readFileSync(file).length;
  return {
    page,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html).length,
    jsBytes,
    loadsTryIt: [...files].some((file) => file.includes('/_portolan/scalar/')),
  };
}

function collectModule(site: string, file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, target = ''] of text.matchAll(staticImport)) {
    if (target.startsWith('.')) collectModule(site, resolve(dirname(file), target), seen);
    else if (target.startsWith('/')) collectModule(site, resolve(site, `.${target}`), seen);
  }
}

/** Weighs every API page of a built portal (apis/<id>/index.html). */
export function weighApiPages(site: string): PageWeight[] {
  const apis = join(site, 'apis');
  if (!existsSync(apis)) return [];
  return readdirSync(apis, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(apis, entry.name, 'index.html')))
    .map((entry) => weighPage(site, join('apis', entry.name, 'index.html')));
}

/** The size of the try-it console's entry module and of the chunks it may load on demand. */
export function weighTryIt(site: string): { entryBytes: number; chunkBytes: number } | undefined {
  const dir = join(site, '_portolan', 'scalar');
  if (!existsSync(dir)) return undefined;
  const chunks = readdirSync(join(dir, 'chunks')).map((name) => readFileSync(join(dir, 'chunks', name)).length);
  return { entryBytes: readFileSync(join(dir, 'standalone.esm.js')).length, chunkBytes: chunks.reduce((a, b) => a + b, 0) };
}
