import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../src/catalog/contracts/contract-shape.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { findOverlaps } from '../../src/catalog/rules/overlap.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/catalogs/portfolio-rules');
const portfolio = ['rule/single-master', 'rule/duplicate-api', 'rule/service-owner'];

async function findings() {
  const { diagnostics } = await loadCatalog(fixture);
  return diagnostics.filter((d) => portfolio.includes(d.code));
}

describe('the portfolio rules on a catalogue with two masters, a near-duplicate pair and a service with two owners', () => {
  it('reports each at its file and line, as warnings that leave check at exit 0', async () => {
    const found = await findings();
    expect(found.map((d) => [d.file, d.line, d.code, d.severity])).toEqual([
      ['party/accounts/billing-account-api/api.yaml', 13, 'rule/service-owner', 'warning'],
      ['party/client-api/api.yaml', 12, 'rule/single-master', 'warning'],
      ['party/customer-api-v0/api.yaml', 6, 'rule/duplicate-api', 'warning'],
      ['party/customer-api/api.yaml', 6, 'rule/duplicate-api', 'warning'],
      ['party/customer-api/api.yaml', 12, 'rule/single-master', 'warning'],
    ]);
  });

  it('names the other master and the entity at each master line', async () => {
    const master = (await findings()).find((d) => d.code === 'rule/single-master' && d.file === 'party/customer-api/api.yaml');
    expect(master?.message).toBe('the API "customer-api" masters the entity "Customer", and so does "client-api" (party/client-api/api.yaml)');
  });

  it('shows what a duplicate pair shares and what share of their operations that is', async () => {
    const duplicate = (await findings()).find((d) => d.code === 'rule/duplicate-api' && d.file === 'party/customer-api/api.yaml');
    expect(duplicate?.message).toContain('may duplicate "client-api"');
    expect(duplicate?.message).toContain('3 of 5 (60 %) operations alike (GET /customers, GET /customers/{}, POST /customers)');
    expect(duplicate?.message).toContain('(Customer ~ Client)');
  });

  it('does not pair two versions of one product line, nor an API that shares one operation', async () => {
    const messages = (await findings()).filter((d) => d.code === 'rule/duplicate-api').map((d) => `${d.file} ${d.message}`);
    expect(messages.some((m) => m.includes('customer-api-v0') && m.startsWith('party/customer-api/'))).toBe(false);
    expect(messages.some((m) => m.includes('address-api'))).toBe(false);
  });

  it('finds the same duplicates in a warm check, which reads no contract back from the cache', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portfolio-cache-'));
    try {
      const cold = await loadCatalog(fixture, { cache: { dir }, diagnosticsOnly: true });
      const warm = await loadCatalog(fixture, { cache: { dir }, diagnosticsOnly: true });
      expect(warm.cache?.hits).toBe(6);
      const duplicates = (r: typeof cold) => r.diagnostics.filter((d) => d.code === 'rule/duplicate-api').map((d) => d.message);
      expect(duplicates(warm)).toEqual(duplicates(cold));
      expect(duplicates(warm)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('turns a rule off from portal.yaml', async () => {
    const { cp, mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const root = await mkdtemp(path.join(os.tmpdir(), 'portfolio-'));
    try {
      await cp(fixture, root, { recursive: true });
      await writeFile(path.join(root, 'portal.yaml'), "rules:\n  rule/duplicate-api: 'off'\n  rule/service-owner: error\n");
      const { diagnostics } = await loadCatalog(root);
      expect(diagnostics.some((d) => d.code === 'rule/duplicate-api')).toBe(false);
      expect(diagnostics.find((d) => d.code === 'rule/service-owner')?.severity).toBe('error');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('finding overlaps', () => {
  const shape = (operations: string[]) => ({ operations, schemas: [] });

  it('ignores a signature that a dozen APIs share, such as a health check', () => {
    const shapes = new Map(Array.from({ length: 20 }, (_, i) => [`api-${i}`, shape(['GET /health', 'GET /metrics', 'GET /info', `GET /thing-${i}`])]));
    expect(findOverlaps(shapes, () => false)).toEqual([]);
  });

  it('compares paths without their parameter names or version prefix', () => {
    const contract = { operations: [{ kind: 'http', method: 'get', path: '/v3/orders/{orderId}' }], schemas: [] };
    expect(shapeOf(contract as never).operations).toEqual(['GET /orders/{}']);
  });
});
