import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-hostile-'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('a build of a contract written to break out', () => {
  it('keeps an operationId with ../ inside its page, and builds schemas that refer to each other in a circle', async () => {
    const out = path.join(parent, 'site');
    const catalog = path.join(projectRoot, 'tests/fixtures/catalogs/hostile-ids');
    const result = spawnSync(process.execPath, ['bin/portolan.js', 'build', '--no-cache', '--catalog', catalog, '--out', out], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    // Nothing was written beside the output folder, or above it.
    expect(await readdir(parent)).toEqual(['site']);
    const files = await readdir(out, { recursive: true });
    expect(files.filter((f) => f.includes('..') || f.includes('escape'))).toEqual([]);
    const page = await readFile(path.join(out, 'apis/customer-api/index.html'), 'utf8');
    expect(page).toContain('id="escape-get-customer"');
    expect(page).toContain('id="schema-Household"');
  }, 60_000);
});

describe('a contract referring to a URL', () => {
  it('is an error with its line, and no request is made: a listener at that URL hears nothing', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('type: object');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const catalog = path.join(parent, 'ref-local-http');
      await cp(path.join(projectRoot, 'tests/fixtures/catalogs/ref-http'), catalog, { recursive: true });
      const contract = path.join(catalog, 'party/customer-api/openapi.yaml');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/customer.yaml`;
      await writeFile(contract, (await readFile(contract, 'utf8')).replace('https://schemas.example.com/customer.yaml', url));
      // Asynchronous, so this process's listener can answer if anything asks.
      const run = (...args: string[]) =>
        new Promise<{ status: number | null; stdout: string }>((resolve) => {
          const child = spawn(process.execPath, ['bin/portolan.js', ...args, '--no-cache'], { cwd: projectRoot });
          let stdout = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.on('close', (status) => resolve({ status, stdout }));
        });
      const check = await run('check', '--catalog', catalog);
      expect(check.status).toBe(1);
      expect(check.stdout).toContain(`party/customer-api/openapi.yaml:22:23 error`);
      expect(check.stdout).toContain('[ref/remote]');
      const build = await run('build', '--catalog', catalog, '--out', path.join(parent, 'ref-site'));
      expect(build.status).toBe(1);
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  }, 60_000);
});
