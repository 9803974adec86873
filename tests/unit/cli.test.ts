import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(projectRoot, 'tests/fixtures/catalogs');

function portolan(...args: string[]) {
  return portolanWith({}, ...args);
}

function portolanWith(env: Record<string, string>, ...args: string[]) {
  // Every contract is checked each time: a cache hit would skip the worker threads and time budgets tested here.
  const uncached = args[0] === 'check' || args[0] === 'build' ? [args[0], '--no-cache', ...args.slice(1)] : args;
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...uncached], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stopped build: no stack trace, the previous output as it was, and no staged folder left beside it. */
async function expectPreviousOutputKept(out: string, stderr: string): Promise<void> {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
  expect((await readdir(path.dirname(out))).filter((name) => name.startsWith(`${path.basename(out)}.tmp-`))).toEqual([]);
}

describe('portolan check', () => {
  it('exits 0 on a valid catalogue and says so', () => {
    const { status, stdout } = portolan('check', '--catalog', path.join(fixtures, 'valid'));
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('0 errors, 0 warnings');
  });

  it('exits 1 and prints file:line:col, the source line with a caret, the hint and the code', () => {
    const { status, stdout } = portolan('check', '--catalog', 'tests/fixtures/catalogs/unknown-owner');
    expect(status).toBe(1);
    expect(stdout).toContain(
      'tests/fixtures/catalogs/unknown-owner/party/customer-api/api.yaml:10:8 error owner "partyteam" is not a team in teams.yaml; did you mean "party-team"? [catalog/unknown-owner]',
    );
    expect(stdout).toContain('  10 | owner: partyteam\n     |        ^\n');
    expect(stdout).toContain('hint: Teams declared: party-team.');
    expect(stdout).toContain('1 error, 0 warnings in 1 file');
  });

  it('prints exactly one JSON object with --format json', () => {
    const { status, stdout } = portolan('check', '--catalog', path.join(fixtures, 'ref-http'), '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toEqual({
      diagnostics: [expect.objectContaining({ file: 'party/customer-api/openapi.yaml', line: 22, column: 23, code: 'ref/remote', severity: 'error' })],
      errors: 1,
      warnings: 0,
    });
  });

  it('prints GitHub workflow commands with --format github', () => {
    const { status, stdout } = portolan('check', '--catalog', 'tests/fixtures/catalogs/unknown-enum', '--format', 'github');
    expect(status).toBe(1);
    expect(stdout).toMatch(/^::error file=tests\/fixtures\/catalogs\/unknown-enum\/party\/customer-api\/api\.yaml,line=3,col=7,title=schema\/enum::/);
  });

  it('exits 2 with the usage on a wrong option, and on a missing catalogue, without a stack trace', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--catalogue', 'x'], ['check', '--catalog', '/no/such/folder'], ['frobnicate']]) {
      const { status, stderr } = portolan(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: portolan');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('operations without a KO example', () => {
  it('are a warning that names the operation, and an error with --strict', () => {
    const catalog = 'tests/fixtures/catalogs/example-missing-ko';
    const relaxed = portolan('check', '--catalog', catalog);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain('party/customer-api/openapi.yaml:7:5 warning getCustomer has no KO example [example/no-ko-example]');
    const strict = portolan('check', '--strict', '--catalog', catalog, '--format', 'json');
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ errors: 1, warnings: 0, diagnostics: [{ code: 'example/no-ko-example', severity: 'error', line: 7 }] });
  });
});

describe('contracts checked in worker threads', () => {
  it('report exactly what a check in one thread reports', () => {
    for (const catalog of ['catalog', 'tests/fixtures/catalogs/many-errors']) {
      const inProcess = portolanWith({ PORTOLAN_THREADS: '1' }, 'check', '--catalog', catalog, '--format', 'json');
      const inWorkers = portolanWith({ PORTOLAN_THREADS: '2' }, 'check', '--catalog', catalog, '--format', 'json');
      expect(inWorkers.status).toBe(inProcess.status);
      expect(inWorkers.stderr).toBe('');
      expect(JSON.parse(inWorkers.stdout)).toEqual(JSON.parse(inProcess.stdout));
    }
  });
});

describe('time budgets', () => {
  /** The valid fixture, its OpenAPI contract replaced by one of `paths` paths (about 300 bytes each). */
  async function catalogWithHeavyContract(paths: number): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'portolan-heavy-'));
    await cp(path.join(fixtures, 'valid'), root, { recursive: true });
    const operations = Object.fromEntries(
      Array.from({ length: paths }, (_, i) => [
        `/customers${i}/{id}`,
        {
          get: {
            operationId: i === 0 ? 'getCustomer' : `getCustomer${i}`,
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'The customer', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } },
          },
        },
      ]),
    );
    const contract = {
      openapi: '3.0.3',
      info: { title: 'Heavy', version: '1.0.0' },
      paths: operations,
      components: { schemas: { Customer: { type: 'object' } } },
    };
    await writeFile(path.join(root, 'party/customer-api/openapi.yaml'), JSON.stringify(contract));
    return root;
  }

  it('stop a contract past its budget and report its file, instead of waiting for it', async () => {
    // 60,000 paths (18 MB) take about 10 s to read and check on 2 cores; the budget is 2 s.
    const root = await catalogWithHeavyContract(60_000);
    try {
      const { status, stdout, stderr } = portolan('check', '--catalog', root, '--format', 'json', '--contract-timeout', '2');
      expect(stderr).toBe('');
      expect(status).toBe(1);
      const { diagnostics } = JSON.parse(stdout) as { diagnostics: { file: string; code: string; message: string }[] };
      expect(diagnostics).toContainEqual(
        expect.objectContaining({
          file: 'party/customer-api/openapi.yaml',
          code: 'contract/timeout',
          message: 'reading and checking this contract took more than 2 s; it was stopped',
        }),
      );
      // The contract was stopped, so none of its 60,000 operations was reported on.
      expect(diagnostics.filter((d) => d.file.startsWith('party/customer-api/')).map((d) => d.code)).toEqual(['contract/timeout']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('stop a build step past its budget and leave the previous output', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-out-'));
    try {
      await writeFile(path.join(out, 'index.html'), 'previous build');
      // Astro alone takes longer than half a second to start.
      const { status, stderr } = portolan('build', '--catalog', path.join(fixtures, 'valid'), '--out', out, '--step-timeout', '0.5');
      expect(status).toBe(1);
      expect(stderr).toMatch(/build stopped: the (render|index) step ran past its time budget of 0\.5 s; .* was left untouched\. .*--step-timeout SECONDS/);
      await expectPreviousOutputKept(out, stderr);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('are numbers of seconds: anything else is a usage error', () => {
    const { status, stderr } = portolan('build', '--step-timeout', 'soon');
    expect(status).toBe(2);
    expect(stderr).toContain('--step-timeout must be a number of seconds above 0, not "soon"');
  });
});

describe('portolan build', () => {
  it('leaves the previous output untouched when the catalogue has errors', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-out-'));
    try {
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'index.html'), 'previous build');
      const { status, stdout, stderr } = portolan('build', '--catalog', path.join(fixtures, 'unknown-owner'), '--out', out);
      expect(status).toBe(1);
      expect(stdout).toContain('[catalog/unknown-owner]');
      expect(stderr).toContain('was left untouched');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('stops at a guide whose front matter names an unknown audience, at its line, and leaves the previous output', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-out-'));
    const content = path.join(out, '..', `${path.basename(out)}-content`);
    try {
      await writeFile(path.join(out, 'index.html'), 'previous build');
      await mkdir(path.join(content, 'guides'), { recursive: true });
      await writeFile(path.join(content, 'guides', 'partners.md'), '---\ntitle: For partners\naudience: partners\n---\n\nText.\n');
      const { status, stdout, stderr } = portolan('build', '--catalog', path.join(fixtures, 'valid'), '--content', content, '--out', out);
      expect(status).toBe(1);
      expect(stdout).toMatch(/guides\/partners\.md:3:11 error "audience" is "partners", which is not allowed \[schema\/enum\]/);
      expect(stderr).toContain('build stopped: 1 error in the catalogue or its guides');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
    } finally {
      await rm(out, { recursive: true, force: true });
      await rm(content, { recursive: true, force: true });
    }
  });

  it('stops a build whose output would name an API of a wider audience, and leaves the previous output', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'portolan-out-'));
    try {
      await writeFile(path.join(out, 'index.html'), 'previous build');
      // A public API's purpose names an internal one: its page, llms-full.txt and the search index would show it.
      const { status, stderr } = portolan('build', '--catalog', path.join(fixtures, 'leak-in-public-text'), '--audience', 'public', '--out', out);
      expect(status).toBe(1);
      expect(stderr).toContain('apis/customer-api/index.html: holds "Customer Ledger Events" (name of the internal API customer-events)');
      expect(stderr).toContain('llms-full.txt: holds "Customer Ledger Events"');
      expect(stderr).toMatch(/pagefind\/fragment\/en_\w+\.pf_fragment: holds "Customer Ledger Events"/);
      expect(stderr).toContain('build stopped: the output held 3 strings the public audience must not see');
      await expectPreviousOutputKept(out, stderr);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  // /dev/shm is a memory file system on Linux, the project folder usually is not: Astro's renames fail across them.
  const otherDisk = '/dev/shm';
  const otherDiskFound = existsSync(otherDisk) && statSync(otherDisk).dev !== statSync(projectRoot).dev;
  it.skipIf(!otherDiskFound)(
    'builds into a folder on another file system',
    async () => {
      const out = await mkdtemp(path.join(otherDisk, 'portolan-out-'));
      try {
        const { status, stderr } = portolan('build', '--catalog', path.join(fixtures, 'valid'), '--out', out);
        expect(stderr).not.toContain('EXDEV');
        expect(status).toBe(0);
        const files = await readdir(out, { recursive: true });
        expect(files).toContain('index.html');
        expect(files.some((f) => f.startsWith('_astro/') && f.endsWith('.css'))).toBe(true);
        expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
