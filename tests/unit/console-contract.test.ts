import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Api } from '../../src/catalog/model.ts';
import { credentialsOf } from '../../src/mock/credentials.ts';
import { consoleContract } from '../../src/publish/console-contract.ts';

type Json = Record<string, any>;
const catalogDir = path.resolve(import.meta.dirname, '../../catalog');
const examplesDir = path.join(catalogDir, 'customer/customer-management/customer-api-v4/examples');
const exampleFile = (operation: string, file: string): Json => JSON.parse(readFileSync(path.join(examplesDir, operation, file), 'utf8'));

let apis: Map<string, Api>;

beforeAll(async () => {
  const result = await loadCatalog(catalogDir, { keepDocuments: true });
  apis = new Map(result.catalog!.apis.map((api) => [api.id, api]));
});

describe('the contract the try-it console reads', () => {
  it("gives each response the catalogue's example files, the status's own file first", () => {
    const contract = consoleContract(apis.get('customer-api-v4')!) as Json;
    const get = contract['paths']['/customer/{id}']['get'];
    const ok = get['responses']['200']['content']['application/json']['examples'];
    expect(Object.values(ok)[0]).toMatchObject({ value: exampleFile('getCustomer', '200.json')['response']['body'] });
    expect(ok['business']['value']).toEqual(exampleFile('getCustomer', '200.business.json')['response']['body']);
    const ko = get['responses']['404']['content']['application/problem+json']['examples'];
    expect(ko['unknown-customer']['value']).toEqual(exampleFile('getCustomer', '404.unknown-customer.json')['response']['body']);
  });

  it("gives each request body the bodies of the examples' requests, OK ones first", () => {
    const contract = consoleContract(apis.get('customer-api-v4')!) as Json;
    const examples = contract['paths']['/customer']['post']['requestBody']['content']['application/json']['examples'];
    expect(Object.keys(examples)[0]).toBe('201');
    expect(examples['201']).toEqual({ summary: expect.stringMatching(/^201 OK — /), value: exampleFile('createCustomer', '201.json')['request']['body'] });
    expect(examples['missing-email']['summary']).toMatch(/^400 KO — /);
  });

  it('offers an optional Prefer header listing the value that picks each example', () => {
    const contract = consoleContract(apis.get('customer-api-v4')!) as Json;
    const prefer = (contract['paths']['/customer/{id}']['get']['parameters'] as Json[]).find((p) => p['name'] === 'Prefer')!;
    expect(prefer).toMatchObject({ in: 'header', required: false, schema: { type: 'string' } });
    expect(prefer).not.toHaveProperty('examples');
    expect(prefer['description']).toContain('`code=200`');
    expect(prefer['description']).toContain('`code=404, example=unknown-customer`');
  });

  it('leaves the model’s contract as it was, and keeps Swagger 2.0 contracts Swagger 2.0', () => {
    const api = apis.get('customer-api-v3')!;
    const before = JSON.stringify(api.contract.document);
    const contract = consoleContract(api) as Json;
    expect(JSON.stringify(api.contract.document)).toBe(before);
    expect(contract['swagger']).toBe('2.0');
    const parameters = Object.values(contract['paths'] as Json).flatMap((item) =>
      Object.values(item as Json).flatMap((op) => (op as Json)['parameters'] ?? []),
    );
    const prefer = parameters.filter((p: Json) => p['name'] === 'Prefer');
    expect(prefer.length).toBe(api.contract.operations.length);
    expect(prefer.every((p: Json) => p['type'] === 'string' && !('schema' in p))).toBe(true);
  });

  it('sanitises the text it adds, as the downloads are', () => {
    const api = structuredClone(apis.get('customer-api-v4')!);
    const op = api.contract.operations.find((o) => o.operationId === 'createCustomer')!;
    op.examples = op.examples.map((e) => ({ ...e, summary: '<img src=x onerror=alert(1)>Registered' }));
    const text = JSON.stringify(consoleContract(api));
    expect(text).toContain('Registered');
    expect(text).not.toContain('onerror');
  });
});

describe('the credentials an operation asks for', () => {
  const document = {
    openapi: '3.1.0',
    security: [{ key: [] }],
    paths: {
      '/a': { get: {} },
      '/b': { get: { security: [{ basic: [], key: [] }, { oauth: ['read'] }] } },
      '/c': { get: { security: [{}] } },
      '/d': { get: { security: [] } },
    },
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'query', name: 'api_key' },
        basic: { type: 'http', scheme: 'basic' },
        oauth: { type: 'oauth2', flows: {} },
      },
    },
  };

  it("are the contract's, alternative by alternative, each scheme where it goes", () => {
    expect(credentialsOf(document, 'GET', '/a')).toEqual([[{ scheme: 'key', in: 'query', name: 'api_key' }]]);
    expect(credentialsOf(document, 'get', '/b')).toEqual([
      [
        { scheme: 'basic', in: 'header', name: 'Authorization', challenge: 'Basic' },
        { scheme: 'key', in: 'query', name: 'api_key' },
      ],
      [{ scheme: 'oauth', in: 'header', name: 'Authorization', challenge: 'Bearer' }],
    ]);
  });

  it('are none when the operation opts out, and optional with an empty alternative', () => {
    expect(credentialsOf(document, 'GET', '/c')).toEqual([[]]);
    expect(credentialsOf(document, 'GET', '/d')).toEqual([]);
  });
});
