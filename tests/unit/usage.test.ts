import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filterByAudience } from '../../src/audience/filter.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/catalogs/valid');
let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

async function withUsage(csv: string) {
  root = await mkdtemp(path.join(os.tmpdir(), 'usage-'));
  await cp(valid, root, { recursive: true });
  await mkdir(path.join(root, 'usage'));
  await writeFile(path.join(root, 'usage/2026-q3.csv'), csv);
  return loadCatalog(root);
}

const usageFindings = (diagnostics: { file: string; line: number; column: number; code: string; severity: string }[]) =>
  diagnostics.filter((d) => d.code.startsWith('usage/')).map((d) => [d.file, d.line, d.column, d.code, d.severity]);

describe('usage/*.csv, the gateway exports', () => {
  it('gives the model every good row and one warning per bad row, at the bad cell', async () => {
    const { catalog, diagnostics } = await withUsage(
      [
        'api,consumer,month,calls,errors',
        'customer-api,Polar CRM,2026-07,1200,3',
        'customer-ap,Polar CRM,2026-07,1200,3',
        'customer-api,Polar CRM,2026-13,1200,3',
        'customer-api,"Acme, Inc.",2026-08,-4,0',
        'customer-api,Polar CRM,2026-08,12.5,0',
        'customer-api,Polar CRM,2026-08,10',
        'customer-events,"Acme, Inc.",2026-08,40,1',
      ].join('\n'),
    );
    expect(usageFindings(diagnostics)).toEqual([
      ['usage/2026-q3.csv', 3, 1, 'usage/unknown-api', 'warning'],
      ['usage/2026-q3.csv', 4, 24, 'usage/invalid-row', 'warning'],
      ['usage/2026-q3.csv', 5, 35, 'usage/invalid-row', 'warning'],
      ['usage/2026-q3.csv', 6, 32, 'usage/invalid-row', 'warning'],
      ['usage/2026-q3.csv', 7, 34, 'usage/invalid-row', 'warning'],
    ]);
    expect(diagnostics.find((d) => d.line === 5 && d.code === 'usage/invalid-row')?.message).toBe(
      'calls "-4" is not a whole number of 0 or more; the row is left out',
    );
    expect(diagnostics.find((d) => d.line === 7)?.message).toBe('the row has no errors; the row is left out');
    expect(catalog?.usage).toEqual([
      { api: 'customer-api', consumer: 'Polar CRM', month: '2026-07', calls: 1200, errors: 3 },
      { api: 'customer-events', consumer: 'Acme, Inc.', month: '2026-08', calls: 40, errors: 1 },
    ]);
  });

  it('leaves out a file with another header, with one warning', async () => {
    const { catalog, diagnostics } = await withUsage('api;consumer;month;calls;errors\ncustomer-api;Polar CRM;2026-07;1200;3\n');
    expect(usageFindings(diagnostics)).toEqual([['usage/2026-q3.csv', 1, 1, 'usage/header', 'warning']]);
    expect(catalog?.usage).toBeUndefined();
  });

  it('keeps the rows in internal builds only', async () => {
    const { catalog } = await withUsage('api,consumer,month,calls,errors\ncustomer-api,Polar CRM,2026-07,1200,3\n');
    expect(filterByAudience(catalog!, 'internal').usage).toHaveLength(1);
    expect(filterByAudience(catalog!, 'partner').usage).toBeUndefined();
    expect(filterByAudience(catalog!, 'public').usage).toBeUndefined();
  });
});
