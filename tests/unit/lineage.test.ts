import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/catalog/diagnostics.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { productLine } from '../../src/site/lineage.ts';

const valid = path.resolve(import.meta.dirname, '../fixtures/catalogs/valid');
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-lineage-'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

/**
 * A catalogue of the given APIs in the domain `party`, each with the valid fixture's contract and
 * examples; `extra` is written from line 10 of its api.yaml.
 */
async function catalogOf(name: string, apis: Record<string, { lifecycle?: string; extra?: string }>): Promise<string> {
  const root = path.join(parent, name);
  await mkdir(path.join(root, 'party'), { recursive: true });
  await cp(path.join(valid, 'teams.yaml'), path.join(root, 'teams.yaml'));
  await cp(path.join(valid, 'party/domain.yaml'), path.join(root, 'party/domain.yaml'));
  for (const [id, { lifecycle = 'stable', extra = '' }] of Object.entries(apis)) {
    const dir = path.join(root, 'party', id);
    await cp(path.join(valid, 'party/customer-api'), dir, { recursive: true });
    const lines = [
      `name: ${id}`,
      'summary: One line.',
      'type: data',
      `lifecycle: ${lifecycle}`,
      'audience: public',
      'contract: openapi.yaml',
      'business:',
      '  purpose: Something.',
      'tags: [customer]',
    ];
    await writeFile(path.join(dir, 'api.yaml'), `${[...lines, extra].join('\n')}\n`);
  }
  return root;
}

const sunset = (replacedBy: string) => `deprecation: { sunset: 2027-06-30, replacedBy: ${replacedBy} }`;
const lineageCodes = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code.startsWith('catalog/'));
const located = (d: Diagnostic) => [d.code, d.severity, d.file, d.line, d.column];

describe('replaces: in api.yaml', () => {
  it('links two versions that name each other, with nothing to report', async () => {
    const root = await catalogOf('agree', {
      'customer-v3': { lifecycle: 'deprecated', extra: sunset('customer-v4') },
      'customer-v4': { extra: 'replaces: customer-v3' },
    });
    const { catalog, diagnostics } = await loadCatalog(root);
    expect(lineageCodes(diagnostics)).toEqual([]);
    expect(catalog?.apis.find((api) => api.id === 'customer-v4')?.replaces).toBe('customer-v3');
  });

  it('is an error at its value when it names no API of the catalogue, with a guess', async () => {
    const root = await catalogOf('unknown', { 'customer-v4': { extra: 'replaces: customer-v2' }, 'customer-v3': {} });
    const { catalog, diagnostics } = await loadCatalog(root);
    expect(catalog).toBeUndefined();
    expect(lineageCodes(diagnostics).map(located)).toEqual([['catalog/unknown-api', 'error', 'party/customer-v4/api.yaml', 10, 11]]);
    expect(diagnostics[0]!.message).toBe('"customer-v2" is not an API of this catalogue; did you mean "customer-v3"?');
    expect(diagnostics[0]!.hint).toMatch(/earlier version/);
  });

  it('is an error when an API replaces itself, in replaces or in deprecation.replacedBy', async () => {
    const root = await catalogOf('self', {
      'customer-v4': { extra: 'replaces: customer-v4' },
      'customer-v3': { lifecycle: 'deprecated', extra: sunset('customer-v3') },
    });
    const { diagnostics } = await loadCatalog(root);
    expect(lineageCodes(diagnostics).map(located)).toEqual([
      ['catalog/lineage-self', 'error', 'party/customer-v3/api.yaml', 10, 48],
      ['catalog/lineage-self', 'error', 'party/customer-v4/api.yaml', 10, 11],
    ]);
    expect(diagnostics.map((d) => d.message)).toContain('the API "customer-v4" replaces itself');
    expect(diagnostics.every((d) => (d.hint?.length ?? 0) > 10)).toBe(true);
  });

  it('is a warning at each end when replaces and the other API’s deprecation.replacedBy disagree', async () => {
    const root = await catalogOf('mismatch', {
      'customer-v3': { lifecycle: 'deprecated', extra: sunset('customer-v5') },
      'customer-v4': { extra: 'replaces: customer-v3' },
      'customer-v5': { extra: 'replaces: customer-v4' },
    });
    const { catalog, diagnostics } = await loadCatalog(root);
    expect(catalog).toBeDefined();
    const found = lineageCodes(diagnostics);
    expect(found.map(located)).toEqual([
      ['catalog/lineage-mismatch', 'warning', 'party/customer-v3/api.yaml', 10, 48],
      ['catalog/lineage-mismatch', 'warning', 'party/customer-v4/api.yaml', 10, 11],
    ]);
    expect(found[0]!.message).toBe('"customer-v3" is replaced by "customer-v5", which says it replaces "customer-v4"');
    expect(found[1]!.message).toBe('"customer-v4" replaces "customer-v3", whose deprecation.replacedBy names "customer-v5"');
    expect(found[1]!.hint).toContain('set `deprecation.replacedBy: customer-v4` in party/customer-v3/api.yaml');
  });

  it('is one error per cycle, at the link that leaves its smallest id', async () => {
    const root = await catalogOf('cycle', {
      'line-a': { extra: 'replaces: line-c' },
      'line-b': { extra: 'replaces: line-a' },
      'line-c': { extra: 'replaces: line-b' },
      'other-v1': { lifecycle: 'deprecated', extra: sunset('other-v2') },
      'other-v2': { extra: 'replaces: other-v1' },
    });
    const { catalog, diagnostics } = await loadCatalog(root);
    expect(catalog).toBeUndefined();
    const found = lineageCodes(diagnostics);
    expect(found.map(located)).toEqual([['catalog/lineage-cycle', 'error', 'party/line-b/api.yaml', 10, 11]]);
    expect(found[0]!.message).toBe('versions replace each other in a cycle: line-a → line-b → line-c → line-a (each replaced by the next)');
  });

  it('finds a cycle made of a replaces and a deprecation.replacedBy', async () => {
    const root = await catalogOf('mixed-cycle', {
      'line-a': { lifecycle: 'deprecated', extra: sunset('line-b') },
      'line-b': { lifecycle: 'deprecated', extra: sunset('line-a') },
    });
    const { diagnostics } = await loadCatalog(root);
    expect(lineageCodes(diagnostics).map(located)).toEqual([['catalog/lineage-cycle', 'error', 'party/line-a/api.yaml', 10, 48]]);
  });
});

describe('a product line', () => {
  const version = (id: string, links: { replaces?: string; replacedBy?: string } = {}) => ({
    id,
    name: id,
    contract: { version: '1.0.0' },
    ...(links.replaces ? { replaces: links.replaces } : {}),
    ...(links.replacedBy ? { deprecation: { sunset: '2027-06-30', replacedBy: links.replacedBy } } : {}),
  });

  it('lists every version linked either way, oldest first, from any of them', () => {
    const apis = [version('orders-v3', { replaces: 'orders-v2' }), version('orders-v1', { replacedBy: 'orders-v2' }), version('orders-v2'), version('billing')];
    for (const id of ['orders-v1', 'orders-v2', 'orders-v3'])
      expect(productLine(apis, id).map((api) => api.id)).toEqual(['orders-v1', 'orders-v2', 'orders-v3']);
    expect(productLine(apis, 'billing').map((api) => api.id)).toEqual(['billing']);
  });

  it('ignores links to APIs the build does not hold, and puts versions no link orders by name', () => {
    const apis = [
      version('orders-v2', { replaces: 'orders-v1' }),
      version('orders-v3b', { replaces: 'orders-v1' }),
      version('orders-v1', { replacedBy: 'hidden-api' }),
    ];
    expect(productLine(apis, 'orders-v1').map((api) => api.id)).toEqual(['orders-v1', 'orders-v2', 'orders-v3b']);
    expect(productLine(apis, 'hidden-api')).toEqual([]);
  });
});
