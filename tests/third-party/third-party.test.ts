import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thirdPartyContracts, writeThirdPartyCatalog } from './contracts.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'portolan-third-party-'));
  await writeThirdPartyCatalog(root);
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('check on real public contracts', () => {
  it('prints valid JSON, reports no internal error, and exits 0 or 1 for a catalogue of GitHub, Kubernetes, OpenAPI and AsyncAPI examples', () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), 'check', '--catalog', root, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    const report = JSON.parse(result.stdout) as {
      diagnostics: { code: string; file: string; line: number; column: number; message: string }[];
      errors: number;
    };
    expect(Array.isArray(report.diagnostics)).toBe(true);
    expect(report.diagnostics.filter((d) => d.code === 'internal/error')).toEqual([]);
    for (const d of report.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    const failing = new Set(report.diagnostics.map((d) => d.file.split('/')[1]));
    console.log(`third-party contracts: ${thirdPartyContracts.length}, with errors: ${[...failing].join(', ') || 'none'}`);
    for (const d of report.diagnostics.slice(0, 20)) console.log(`  ${d.file}:${d.line}:${d.column} ${d.code} ${d.message.slice(0, 160)}`);
  }, 600_000);
});

describe('build on real public contracts', () => {
  it('builds GitHub REST (1,000+ operations) into tag pages that hold every operation, with the schemas each page links to', async () => {
    const out = path.join(root, '..', `${path.basename(root)}-site`);
    try {
      const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), 'build', '--catalog', root, '--out', out], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.stderr.replace(/.*\r/g, '')).not.toMatch(/error/i);
      expect(result.status).toBe(0);
      console.log(result.stdout.trim().split('\n').slice(-2).join('\n'));

      const api = path.join(out, 'apis', 'github-rest');
      const document = JSON.parse(await readFile(path.join(api, 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
      const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
      const declared = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).filter((k) => methods.includes(k)).length, 0);

      const pages = (await readdir(path.join(api, 'operations'))).map((tag) => path.join(api, 'operations', tag, 'index.html'));
      const shown = new Set<string>();
      let largest = 0;
      for (const page of pages) {
        const html = await readFile(page, 'utf8');
        largest = Math.max(largest, html.length);
        for (const [, id] of html.matchAll(/<li id="([^"]+)" class="operation"/g)) shown.add(id!);
        const anchors = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
        const missing = [...html.matchAll(/href="#(schema-[^"]+)"/g)].map((m) => m[1]).filter((target) => !anchors.has(target));
        expect(missing, `schema links without a target on ${path.relative(out, page)}`).toEqual([]);
      }
      expect(shown.size).toBe(declared);
      const apiPage = (await stat(path.join(api, 'index.html'))).size;
      console.log(
        `github-rest: ${declared} operations on ${pages.length} tag pages, largest ${(largest / 1024).toFixed(0)} KB; API page ${(apiPage / 1024).toFixed(0)} KB`,
      );
      expect(apiPage).toBeLessThan(150 * 1024);
      expect(largest).toBeLessThan(2 * 1024 * 1024);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 600_000);
});
