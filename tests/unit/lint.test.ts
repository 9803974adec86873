import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/catalog/diagnostics.ts';
import { lintCatalog } from '../../src/lint/index.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(projectRoot, 'tests/fixtures/catalogs');
const lintRules = path.join(fixtures, 'lint-rules');
const temporary: string[] = [];

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function portolan(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lintJson(...args: string[]): { status: number | null; diagnostics: Diagnostic[]; stderr: string } {
  const { status, stdout, stderr } = portolan('lint', '--format', 'json', ...args);
  return { status, diagnostics: (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics, stderr };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-lint-'));
  temporary.push(dir);
  return dir;
}

/** The valid fixture with a rules/ruleset.yaml of its own. */
async function withRuleset(text: string): Promise<string> {
  const root = path.join(await tempDir(), 'catalog');
  await cp(path.join(fixtures, 'valid'), root, { recursive: true });
  await cp(path.join(lintRules, 'rules'), path.join(root, 'rules'), { recursive: true });
  await rm(path.join(root, 'rules/waivers.yaml'));
  await writeFile(path.join(root, 'rules/ruleset.yaml'), text);
  return root;
}

const at = (diagnostics: readonly Diagnostic[], code: string) =>
  diagnostics.filter((d) => d.code === code).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);

describe('portolan lint', () => {
  it('reports an OWASP rule and an organisation rule at the contract’s file, line and column, and fails on the rule the ruleset makes an error', () => {
    const { status, diagnostics } = lintJson('--catalog', lintRules, '--no-cache');
    expect(status).toBe(1);
    expect(at(diagnostics, 'lint/org-operation-summary')).toEqual(['party/customer-api/openapi.yaml:25:12 error']);
    expect(diagnostics.find((d) => d.code === 'lint/org-operation-summary')?.hint).toBe('Every operation has a summary; the portal lists operations by it.');
    expect(at(diagnostics, 'lint/owasp:api4:2023-string-limit')).toEqual(['party/customer-api/openapi.yaml:11:16 warning']);
    // A finding in a file the contract refers to is reported in that file.
    expect(at(diagnostics, 'lint/owasp:api4:2023-string-restricted')).toContain('party/customer-api/schemas/customer.yaml:3:6 warning');
    // Built-in rules never fail: Spectral's own errors are warnings unless the ruleset says error; `info-contact: off` is off.
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['lint/org-operation-summary']);
    expect(diagnostics.some((d) => d.code === 'lint/info-contact')).toBe(false);
  });

  it('shows waived findings as waived, and reports expired and unused waivers at their line', () => {
    const { diagnostics } = lintJson('--catalog', lintRules, '--no-cache');
    const waived = diagnostics.filter((d) => d.code === 'lint/operation-description');
    expect(waived.map((d) => d.line)).toEqual([13, 25]);
    for (const d of waived)
      expect(d).toMatchObject({
        severity: 'warning',
        waived: { reason: 'The descriptions are written with the v2 redesign.', until: '2099-12-31', approvedBy: 'Architecture board' },
      });
    expect(at(diagnostics, 'waiver/expired')).toEqual(['rules/waivers.yaml:6:3 warning']);
    expect(at(diagnostics, 'waiver/unused')).toEqual(['rules/waivers.yaml:11:3 warning']);
    // The expired waiver silences nothing.
    expect(diagnostics.find((d) => d.code === 'lint/owasp:api4:2023-string-limit')?.waived).toBeUndefined();
  });

  it('prints waived findings as waived in text', () => {
    const { stdout } = portolan('lint', '--catalog', lintRules, '--no-cache');
    expect(stdout).toContain('openapi.yaml:13:9 waived Operation "description" must be present and non-empty string. [lint/operation-description]');
    expect(stdout).toContain('waived: The descriptions are written with the v2 redesign. (until 2099-12-31, approved by Architecture board)');
  });

  it('prints exactly one JSON object with --format json', () => {
    const { stdout } = portolan('lint', '--catalog', lintRules, '--no-cache', '--format', 'json', '--api', 'customer-events');
    const parsed = JSON.parse(stdout) as { diagnostics: Diagnostic[]; errors: number; warnings: number };
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'errors', 'warnings']);
    expect(new Set(parsed.diagnostics.map((d) => d.file))).toEqual(new Set(['party/customer-events/asyncapi.yaml']));
  });

  it('rejects --api naming no API as a usage error', () => {
    const { status, stderr } = portolan('lint', '--catalog', lintRules, '--no-cache', '--api', 'nope');
    expect(status).toBe(2);
    expect(stderr).toContain('the catalogue has no API "nope"');
  });

  it('check --lint adds the findings; check alone does not run them', () => {
    expect(portolan('check', '--catalog', lintRules, '--no-cache')).toMatchObject({ status: 0 });
    const { status, stdout } = portolan('check', '--lint', '--catalog', lintRules, '--no-cache', '--format', 'json');
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.code)).toContain('lint/org-operation-summary');
  });

  it('gives each API its summary for the scorecard', async () => {
    const { summaries } = await lintCatalog(lintRules, { today: '2026-01-01' });
    const customer = summaries.find((s) => s.apiId === 'customer-api')!;
    expect(customer.rulesRun).toBeGreaterThan(50);
    expect(customer.rulesFailed).toContain('lint/org-operation-summary');
    expect(customer.rulesWaived).toEqual(['lint/operation-description']);
    expect(customer.errors).toBe(1);
    expect(customer.waivers.map((w) => [w.rule, w.expired])).toEqual([
      ['operation-description', false],
      ['owasp:api4:2023-string-limit', true],
      ['owasp:api2:2023-no-http-basic', false],
    ]);
  });
});

describe('a ruleset that does not load', () => {
  const cases = [
    { name: 'bad YAML', text: 'rules:\n  info-contact: [off\n', code: 'yaml/syntax', line: 3 },
    {
      name: 'an unknown rule',
      text: 'rules:\n  info-contact: off\n  operation-operationid: error\n',
      code: 'lint/unknown-rule',
      line: 3,
      column: 3,
      hint: 'Did you mean "operation-operationId"?',
    },
    { name: 'a functions key', text: 'functionsDir: ./functions\nfunctions: [evil]\nrules: {}\n', code: 'lint/ruleset-code', line: 2, column: 1 },
    {
      name: 'an unknown function',
      text: 'rules:\n  own:\n    given: $.info\n    then:\n      function: evil\n',
      code: 'lint/unknown-function',
      line: 5,
      column: 17,
    },
    { name: 'an extends of a file', text: 'extends:\n  - spectral:oas\n  - ./mine.js\n', code: 'lint/ruleset-code', line: 3, column: 5 },
  ];
  for (const c of cases) {
    it(`${c.name} is a diagnostic at its line, exit 1, no stack trace`, async () => {
      const root = await withRuleset(c.text);
      const { status, diagnostics, stderr } = lintJson('--catalog', root, '--no-cache');
      expect(status).toBe(1);
      expect(stderr).not.toMatch(/\n\s+at /);
      const found = diagnostics.filter((d) => d.code === c.code);
      expect(found.map((d) => [d.file, d.line])).toContainEqual(['rules/ruleset.yaml', c.line]);
      if (c.column) expect(found.find((d) => d.line === c.line)?.column).toBe(c.column);
      if (c.hint) expect(found[0]?.hint).toContain(c.hint);
    });
  }

  it('a waiver naming an unknown API is a diagnostic at its line', async () => {
    const root = await withRuleset('rules: {}\n');
    await writeFile(
      path.join(root, 'rules/waivers.yaml'),
      '- api: customer-api\n  rule: info-contact\n  reason: r\n  until: 2099-01-01\n  approvedBy: me\n- api: nobody\n  rule: info-contact\n  reason: r\n  until: 2099-01-01\n  approvedBy: me\n',
    );
    const { status, diagnostics } = lintJson('--catalog', root, '--no-cache');
    expect(status).toBe(1);
    expect(at(diagnostics, 'catalog/unknown-api')).toEqual(['rules/waivers.yaml:6:8 error']);
  });
});

describe('the lint cache', () => {
  it('re-runs nothing when nothing changed, and the contract whose $ref file changed when it did', async () => {
    const root = path.join(await tempDir(), 'catalog');
    await cp(lintRules, root, { recursive: true });
    const cache = await tempDir();
    const timings = path.join(cache, 'timings.json');
    const run = async () => {
      portolan('lint', '--catalog', root, '--cache', path.join(cache, 'c'), '--timings', timings);
      return (JSON.parse(await readFile(timings, 'utf8')) as { cache: { hits: number; misses: number } }).cache;
    };
    expect(await run()).toEqual({ hits: 0, misses: 2 });
    expect(await run()).toEqual({ hits: 2, misses: 0 });
    await writeFile(path.join(root, 'party/customer-api/schemas/customer.yaml'), 'type: object\n');
    expect(await run()).toEqual({ hits: 1, misses: 1 });
    await writeFile(path.join(root, 'rules/ruleset.yaml'), 'rules:\n  info-contact: off\n');
    expect(await run()).toEqual({ hits: 0, misses: 2 });
    // Four runs of the CLI: past the default time limit on a loaded machine.
  }, 240_000);
});
