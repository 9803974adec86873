import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readThirdParty, thirdPartyContracts } from './contracts.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'portolan-third-party-'));
  await writeFile(path.join(root, 'teams.yaml'), 'platform:\n  name: Platform team\n');
  await mkdir(path.join(root, 'third-party'), { recursive: true });
  await writeFile(path.join(root, 'third-party', 'domain.yaml'), 'name: Third-party contracts\nowner: platform\n');
  for (const contract of thirdPartyContracts) {
    const { name, text } = await readThirdParty(contract);
    const type = /asyncapi/.test(text.slice(0, 500)) ? 'event' : 'data';
    const dir = path.join(root, 'third-party', contract.id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
    await writeFile(
      path.join(dir, 'api.yaml'),
      `name: ${contract.id}\nsummary: ${JSON.stringify(`${contract.pkg} ${contract.file}`)}\ntype: ${type}\nlifecycle: stable\naudience: public\ncontract: ${name}\nbusiness:\n  purpose: A real public contract, to prove check survives it.\n`,
    );
  }
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
