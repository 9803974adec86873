import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { strictly } from '../../src/catalog/diagnostics.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/catalogs');
const customer = 'party/customer-api/api.yaml';
const legacy = 'party/legacy-api/api.yaml';

const located = (diagnostics: { file: string; line: number; column: number; code: string; severity: string }[]) =>
  diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.severity]);

describe('check on a catalogue with five different mistakes in one api.yaml', () => {
  it('reports all five in one run, schema and cross-file alike, each at its line and column', async () => {
    const { diagnostics } = await loadCatalog(path.join(fixtures, 'five-mistakes'));
    expect(located(diagnostics)).toEqual([
      [customer, 3, 7, 'schema/enum', 'error'],
      [customer, 4, 12, 'catalog/deprecation', 'error'],
      [customer, 6, 8, 'catalog/unknown-owner', 'error'],
      [customer, 10, 13, 'catalog/unknown-api', 'error'],
      [customer, 11, 1, 'schema/unknown-field', 'error'],
    ]);
  });

  it('counts an API whose api.yaml does not parse as existing: a reference to it is not another error', async () => {
    const root = await copyOf('five-mistakes');
    await mkdir(path.join(root, 'party/billing-api'));
    await writeFile(path.join(root, 'party/billing-api/api.yaml'), 'name: [Billing API\n');
    const file = path.join(root, customer);
    await writeFile(file, (await readFile(file, 'utf8')).replace('dependsOn: [billing-apii]', 'dependsOn: [billing-api]'));
    const { diagnostics } = await loadCatalog(root);
    expect(diagnostics.map((d) => d.code)).not.toContain('catalog/unknown-api');
    expect(diagnostics.filter((d) => d.file === 'party/billing-api/api.yaml').map((d) => d.code)).toEqual(['yaml/syntax']);
  });

  it('reports a field wrong in the schema once, not again through a rule that needs it', async () => {
    const root = await copyOf('five-mistakes');
    const file = path.join(root, customer);
    await writeFile(
      file,
      'name: Customer API\nsummary: Customers.\ntype: data\nlifecycle: deprecated\naudience: internal\nowner: Party_Team\ncontract: openapi.yaml\nbusiness:\n  purpose: Customers.\ndeprecation: { replacedBy: other-api }\n',
    );
    const { diagnostics } = await loadCatalog(root);
    expect(located(diagnostics)).toEqual([
      [customer, 6, 8, 'schema/invalid', 'error'],
      [customer, 10, 14, 'schema/required', 'error'],
    ]);
  });

  it('still knows the teams of a teams.yaml that failed its schema', async () => {
    const root = await copyOf('five-mistakes');
    await writeFile(path.join(root, 'teams.yaml'), 'party-team:\n  name: Party Management team\n  productOwner: Jeanne Martin\n  colour: blue\n');
    const { diagnostics } = await loadCatalog(root);
    expect(diagnostics.filter((d) => d.file === 'teams.yaml').map((d) => d.code)).toEqual(['schema/unknown-field']);
    expect(diagnostics.find((d) => d.code === 'catalog/unknown-owner')?.message).toContain('did you mean "party-team"?');
    expect(diagnostics.map((d) => d.code)).not.toContain('catalog/missing-teams');
  });
});

describe('the business rules', () => {
  it('report each rule reviewers applied by hand, with its code, file, line and hint', async () => {
    const { diagnostics } = await loadCatalog(path.join(fixtures, 'business-rules'));
    expect(located(diagnostics)).toEqual([
      [customer, 10, 40, 'rule/data-policy', 'error'],
      [customer, 11, 1, 'rule/sandbox', 'error'],
      ['party/customer-api/openapi.yaml', 7, 5, 'rule/stable-ko-example', 'error'],
      [legacy, 10, 1, 'rule/deprecation-successor', 'error'],
      ['teams.yaml', 4, 1, 'rule/product-owner', 'error'],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'the API "customer-api" handles personal data (Customer) but has no business.policy',
      'the public API "customer-api" lists its environments but no Sandbox or Mock among them',
      'the stable API "customer-api": getCustomer has no KO example',
      'the deprecated API "legacy-api" names no deprecation.replacedBy and has no docs/migration.md',
      'the team "billing-team" owns the API "legacy-api" but names no productOwner',
    ]);
    for (const d of diagnostics) expect(d.hint?.length ?? 0).toBeGreaterThan(20);
  });

  it('take their severity from portal.yaml: a warning, off, and --strict still makes warnings errors', async () => {
    const root = await copyOf('business-rules');
    await writeFile(path.join(root, 'portal.yaml'), "rules:\n  rule/sandbox: warning\n  rule/stable-ko-example: 'off'\n  rule/product-owner: 'off'\n");
    const { diagnostics } = await loadCatalog(root);
    expect(located(diagnostics)).toEqual([
      [customer, 10, 40, 'rule/data-policy', 'error'],
      [customer, 11, 1, 'rule/sandbox', 'warning'],
      // With its rule off, the operation without a KO example is the contract stage's warning again.
      ['party/customer-api/openapi.yaml', 7, 5, 'example/no-ko-example', 'warning'],
      [legacy, 10, 1, 'rule/deprecation-successor', 'error'],
    ]);
    expect(strictly(diagnostics).every((d) => d.severity === 'error')).toBe(true);
  });

  it('accept a migration page in place of replacedBy', async () => {
    const root = await copyOf('business-rules');
    await mkdir(path.join(root, 'party/legacy-api/docs'));
    await writeFile(path.join(root, 'party/legacy-api/docs/migration.md'), '# Moving to the Customer API\n\nCall customer-api instead.\n');
    const { diagnostics } = await loadCatalog(root);
    expect(diagnostics.map((d) => d.code)).not.toContain('rule/deprecation-successor');
  });

  it('name the nearest rule code when portal.yaml misspells one', async () => {
    const root = await copyOf('business-rules');
    await writeFile(path.join(root, 'portal.yaml'), 'rules:\n  rule/productowner: warning\n');
    const { diagnostics } = await loadCatalog(root);
    const unknown = diagnostics.find((d) => d.file === 'portal.yaml')!;
    expect([unknown.line, unknown.column, unknown.code]).toEqual([2, 3, 'schema/unknown-field']);
    expect(unknown.message).toContain('did you mean "rule/product-owner"?');
    expect(unknown.hint).toContain('rule/data-policy');
  });
});

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function copyOf(fixture: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-rules-'));
  made.push(dir);
  await cp(path.join(fixtures, fixture), dir, { recursive: true });
  return dir;
}
