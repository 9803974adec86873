import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Catalog } from '../../src/catalog/model.ts';

let catalog: Catalog;
let warnings: string[];

beforeAll(async () => {
  // Loaded as a build loads it, generated examples included.
  const result = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'), { keepDocuments: true });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  catalog = result.catalog!;
  warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.file}:${d.line} ${d.message}`);
});

describe('the example catalogue', () => {
  it('checks clean and has at least 14 APIs over nested business domains', () => {
    expect(catalog.apis.length).toBeGreaterThanOrEqual(14);
    expect(catalog.domains.some((d) => d.parent)).toBe(true);
    expect(catalog.domains.filter((d) => !d.parent).length).toBeGreaterThanOrEqual(6);
  });

  it('covers every API type, audience and lifecycle', () => {
    expect(new Set(catalog.apis.map((a) => a.type))).toEqual(new Set(['data', 'process', 'experience', 'event']));
    expect(new Set(catalog.apis.map((a) => a.audience))).toEqual(new Set(['public', 'partner', 'internal']));
    expect(new Set(catalog.apis.map((a) => a.lifecycle))).toEqual(new Set(['design', 'beta', 'stable', 'deprecated', 'retired']));
  });

  it('has a deprecated API with a sunset date and an existing replacement', () => {
    const deprecated = catalog.apis.filter((a) => a.lifecycle === 'deprecated' && a.deprecation?.replacedBy);
    expect(deprecated.length).toBeGreaterThan(0);
    for (const api of deprecated) {
      expect(api.deprecation!.sunset).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(catalog.apis.map((a) => a.id)).toContain(api.deprecation!.replacedBy);
    }
  });

  it('has contracts in OpenAPI 2.0, 3.0 and 3.1, and AsyncAPI 2.6 and 3.0', () => {
    const versions = catalog.apis.map((a) => `${a.contract.format} ${a.contract.specVersion}`);
    expect(versions.some((v) => v === 'openapi 2.0')).toBe(true);
    expect(versions.some((v) => v.startsWith('openapi 3.0'))).toBe(true);
    expect(versions.some((v) => v.startsWith('openapi 3.1'))).toBe(true);
    expect(versions.filter((v) => v.startsWith('asyncapi')).length).toBeGreaterThanOrEqual(3);
    expect(versions).toContain('asyncapi 2.6.0');
    expect(versions).toContain('asyncapi 3.0.0');
  });

  it('secures APIs with OAuth 2 and OpenID Connect scopes and cites TM Forum standards', () => {
    const schemes = catalog.apis.flatMap((a) => a.contract.securitySchemes);
    expect(schemes.some((s) => s.type === 'oauth2' && s.flows.some((f) => Object.keys(f.scopes).length > 0))).toBe(true);
    expect(schemes.some((s) => s.type === 'openIdConnect')).toBe(true);
    const standards = new Set(catalog.apis.flatMap((a) => a.standards ?? []).map((s) => s.id));
    for (const id of ['TMF620', 'TMF622', 'TMF629', 'TMF641', 'TMF688']) expect(standards, id).toContain(id);
  });

  it('documents every API for the business, with personal data flagged', () => {
    for (const api of catalog.apis) expect(api.business.purpose.length, api.id).toBeGreaterThan(80);
    expect(catalog.apis.some((a) => a.business.data?.some((d) => d.sensitivity === 'personal'))).toBe(true);
    expect(catalog.apis.some((a) => a.docs.length > 0)).toBe(true);
  });

  it('gives every operation an OK and a KO example, written rather than generated for public and partner APIs', () => {
    const missing: string[] = [];
    for (const api of catalog.apis.filter((a) => a.contract.format === 'openapi')) {
      for (const op of api.contract.operations) {
        const written = op.examples.filter((e) => !e.generated);
        const ok = (api.audience === 'internal' ? op.examples : written).some((e) => e.ok);
        if (!ok) missing.push(`${api.id} ${op.id} OK`);
        if (!written.some((e) => !e.ok)) missing.push(`${api.id} ${op.id} KO`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('checks without a warning, even with --strict', () => {
    expect(warnings).toEqual([]);
  });

  it('marks internal parts of a partner API with x-internal', () => {
    const partner = catalog.apis.filter((a) => a.audience === 'partner');
    expect(partner.some((a) => a.contract.operations.some((o) => o.internal || o.parameters.some((p) => p.internal)))).toBe(true);
  });
});
