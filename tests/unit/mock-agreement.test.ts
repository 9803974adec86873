import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Api } from '../../src/catalog/model.ts';
import { answer } from '../../src/mock/browser-answer.ts';
import { mockDataFor } from '../../src/mock/browser-data.ts';
import { errorShapeOf } from '../../src/mock/error-shape.ts';
import { createMockEngine, type MockEngine } from '../../src/mock/prism-engine.ts';
import { rfc9457 } from '../../src/mock/problems.ts';

let apis: Map<string, Api>;
const engines = new Map<string, MockEngine>();

beforeAll(async () => {
  const result = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'), { keepDocuments: true });
  apis = new Map(result.catalog!.apis.map((api) => [api.id, api]));
  for (const id of ['customer-api-v4', 'fibre-eligibility-api']) engines.set(id, await createMockEngine(apis.get(id)!));
});

/** The same request to `portolan mock` and to the in-browser mock: their two answers. */
async function bothAnswer(id: string, method: string, target: string, headers: Record<string, string> = {}) {
  const url = new URL(target, 'http://mock');
  const server = await engines.get(id)!.answer({ method, path: url.pathname, query: url.searchParams, headers, body: null });
  const browser = answer(mockDataFor(apis.get(id)!), method, url.pathname, new Headers(headers), url.searchParams);
  return { server, browser };
}

const token = { authorization: 'Bearer any-token' };

describe('portolan mock and the in-browser mock', () => {
  it.each([
    ['a secured operation without credentials', 'GET', '/customer/CU-7734120', {}, 401],
    ['a secured operation with a listed 401 example, without credentials', 'GET', '/customer?limit=5', {}, 401],
    ['the default example', 'GET', '/customer/CU-7734120', token, 200],
    ['Prefer: code=404', 'GET', '/customer/CU-7734120', { ...token, prefer: 'code=404' }, 404],
    ['Prefer: example=<label>', 'GET', '/customer/CU-7734120', { ...token, prefer: 'example=business' }, 200],
    ['an example the operation does not have', 'GET', '/customer/CU-7734120', { ...token, prefer: 'code=503' }, 404],
    ['a Prefer header that cannot be read', 'GET', '/customer/CU-7734120', { ...token, prefer: 'code=soon' }, 400],
    ['an unknown path', 'GET', '/customers/of/nobody', token, 404],
    ['a method the path does not answer', 'DELETE', '/customer', token, 405],
  ] as const)('give the same status, headers and body for %s', async (_, method, target, headers, status) => {
    const { server, browser } = await bothAnswer('customer-api-v4', method, target, headers);
    expect(server.status).toBe(status);
    expect(browser).toEqual(server);
  });

  it('agree on an API with an API-key-less bearer scheme and no error schema of its own', async () => {
    const { server, browser } = await bothAnswer('fibre-eligibility-api', 'GET', '/geographicAddress/GA-1', {});
    expect(server.status).toBe(401);
    expect(browser).toEqual(server);
  });
});

describe('the error shape of an API', () => {
  it("is its own declared error schema's: the Customer API lists wrong fields as invalidParams", async () => {
    expect(errorShapeOf(apis.get('customer-api-v4')!.contract.document)).toEqual({
      mediaType: 'application/problem+json',
      invalidParams: 'invalidParams',
      detail: 'detail',
    });
    const invalid = await engines.get('customer-api-v4')!.answer({
      method: 'GET',
      path: '/customer/not-an-id',
      query: new URLSearchParams(),
      headers: token,
      body: null,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ invalidParams: [expect.objectContaining({ name: 'id', in: 'path' })] });
    expect(invalid.body).not.toHaveProperty('invalid-params');
  });

  it('is RFC 9457 for a contract that declares no error schema', () => {
    expect(errorShapeOf({ openapi: '3.1.0', paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } })).toEqual(rfc9457);
  });

  it('takes a message member for the detail, and an array of named items for the wrong fields', () => {
    const document = {
      openapi: '3.0.3',
      paths: { '/a': { get: { responses: { 400: { $ref: '#/components/responses/Bad' } } } } },
      components: {
        responses: { Bad: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
        schemas: {
          Error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, errors: { type: 'array', items: { properties: { name: {} } } } },
          },
        },
      },
    };
    expect(errorShapeOf(document)).toEqual({ mediaType: 'application/json', invalidParams: 'errors', detail: 'message' });
  });
});
