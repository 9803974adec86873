import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { describe, expect, it } from 'vitest';
import type { Example, Operation } from '../../src/catalog/model.ts';
import { isLocalOrigin } from '../../src/mock/cors.ts';
import { enrichContract, examplesByStatus } from '../../src/mock/enrich-contract.ts';
import { readPreferences } from '../../src/mock/prefer.ts';
import { toInvalidParam } from '../../src/mock/problems.ts';
import { putSchemaExamplesLast } from '../../src/mock/prism-operations.ts';
import { operation } from './small-catalog.ts';

type Json = Record<string, any>;

function example(status: string, label: string, body: unknown, extra: Partial<Example> = {}): Example {
  return { status, label, ok: /^[23]/.test(status), response: { body }, source: { file: `examples/x/${status}.json` }, ...extra };
}

function httpOperation(method: string, path: string, operationId: string, examples: Example[]): Operation {
  return operation({ id: operationId, operationId, kind: 'http', method, path, examples, source: { file: 'openapi.yaml' } });
}

const problemContent = { 'application/problem+json': { schema: { type: 'object' } } };

function openApi3(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Customers', version: '1' },
    paths: {
      '/customer/{id}': {
        get: {
          operationId: 'getCustomer',
          responses: {
            '200': { description: 'The customer', content: { 'application/json': { schema: { type: 'object' }, example: { id: 'written-in-the-contract' } } } },
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
        delete: { operationId: 'closeCustomer', responses: { '204': { description: 'Closed' }, '4XX': { $ref: '#/components/responses/NotFound' } } },
      },
      '/customer/{id}/export': {
        get: {
          operationId: 'exportCustomer',
          responses: {
            '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: { responses: { NotFound: { description: 'Not found', content: problemContent } } },
  };
}

const notFound = { type: 'about:blank', title: 'Not Found', status: 404 };

describe('enrichContract on OpenAPI 3', () => {
  const operations = [
    httpOperation('GET', '/customer/{id}', 'getCustomer', [
      example('200', 'business', { id: 'CU-2', kind: 'business' }, { summary: 'A company' }),
      example('200', '200', { id: 'CU-1' }),
      example('404', 'unknown-customer', notFound),
    ]),
    httpOperation('DELETE', '/customer/{id}', 'closeCustomer', [example('409', 'open-orders', { status: 409 })]),
    httpOperation('GET', '/customer/{id}/export', 'exportCustomer', [example('200', 'csv', 'id;name\nCU-1;Kari'), example('200', 'json', { id: 'CU-1' })]),
  ];

  it('adds every example under its label, the one named after the status first, the contract’s own example after', () => {
    const enriched = enrichContract(openApi3(), operations) as Json;
    const media = enriched['paths']['/customer/{id}'].get.responses['200'].content['application/json'];
    expect(Object.keys(media.examples)).toEqual(['200', 'business', 'example']);
    expect(media.examples['200']).toEqual({ value: { id: 'CU-1' } });
    expect(media.examples['business']).toEqual({ summary: 'A company', value: { id: 'CU-2', kind: 'business' } });
    // OpenAPI forbids `example` beside `examples`: the contract's example joins the others.
    expect(media.examples['example']).toEqual({ value: { id: 'written-in-the-contract' } });
    expect(media).not.toHaveProperty('example');
  });

  it('copies a shared response into the operation, so its examples reach no other operation', () => {
    const enriched = enrichContract(openApi3(), operations) as Json;
    const responses = enriched['paths']['/customer/{id}'].get.responses;
    expect(responses['404'].content['application/problem+json'].examples).toEqual({ 'unknown-customer': { value: notFound } });
    expect(enriched['components'].responses.NotFound).toEqual({ description: 'Not found', content: problemContent });
  });

  it('gives an example of a status covered by a range response a response of its own', () => {
    const enriched = enrichContract(openApi3(), operations) as Json;
    const responses = enriched['paths']['/customer/{id}'].delete.responses;
    expect(responses['4XX']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(responses['409'].content['application/problem+json'].examples).toEqual({ 'open-orders': { value: { status: 409 } } });
  });

  it('serves a text body as any media type, and a JSON value only as JSON', () => {
    const enriched = enrichContract(openApi3(), operations) as Json;
    const content = enriched['paths']['/customer/{id}/export'].get.responses['200'].content;
    expect(Object.keys(content['text/csv'].examples)).toEqual(['csv']);
    expect(Object.keys(content['application/json'].examples)).toEqual(['csv', 'json']);
  });

  it('leaves the document it is given untouched', () => {
    const document = openApi3();
    const before = structuredClone(document);
    enrichContract(document, operations);
    expect(document).toEqual(before);
  });

  it('puts the example Prism takes from a response schema after the catalogue’s', async () => {
    const document = openApi3();
    document['paths']['/customer/{id}'].get.responses['200'].content['application/json'] = { schema: { type: 'object', example: { id: 'from-the-schema' } } };
    const prismOperations = await getHttpOperationsFromSpec(enrichContract(document, operations) as object);
    putSchemaExamplesLast(prismOperations);
    const content = prismOperations.find((op) => op.iid === 'getCustomer')!.responses.find((r) => r.code === '200')!.contents![0]!;
    expect(content.examples!.map((e) => e.key)).toEqual(['200', 'business', 'default']);
  });
});

describe('enrichContract on Swagger 2.0', () => {
  const swagger2 = (): Json => ({
    swagger: '2.0',
    info: { title: 'Coverage', version: '1' },
    produces: ['application/json', 'application/problem+json'],
    paths: {
      '/coverage/{postcode}': {
        get: {
          operationId: 'getCoverage',
          responses: {
            '200': { description: 'Coverage', schema: { type: 'object' }, examples: { 'application/json': { postcode: 'from-the-contract' } } },
            '404': { description: 'Unknown postcode', schema: { type: 'object' } },
          },
        },
      },
    },
  });
  const operations = [
    httpOperation('GET', '/coverage/{postcode}', 'getCoverage', [
      example('200', 'rural', { postcode: '9990' }),
      example('200', '200', { postcode: '0155' }),
      example('404', '404', notFound),
    ]),
  ];

  it('puts the default example under each media type and every example under its label', () => {
    const enriched = enrichContract(swagger2(), operations) as Json;
    const responses = enriched['paths']['/coverage/{postcode}'].get.responses;
    expect(responses['200'].examples).toEqual({
      'application/json': { postcode: '0155' },
      'application/problem+json': { postcode: '0155' },
      '200': { postcode: '0155' },
      rural: { postcode: '9990' },
      example: { postcode: 'from-the-contract' },
    });
    expect(responses['404'].examples['404']).toEqual(notFound);
  });

  it('gives Prism the labelled examples, which `Prefer: example=<label>` looks up', async () => {
    const prismOperations = await getHttpOperationsFromSpec(enrichContract(swagger2(), operations) as object);
    const response = prismOperations[0]!.responses.find((r) => r.code === '200')!;
    const keys = response.contents!.flatMap((c) => (c.examples ?? []).map((e) => e.key));
    expect(keys).toEqual(expect.arrayContaining(['application/json', '200', 'rural', 'example']));
    expect(response.contents![0]!.examples![0]).toMatchObject({ key: 'application/json', value: { postcode: '0155' } });
  });
});

describe('the mock’s small parts', () => {
  it('orders each status’s examples with the one named after the status first', () => {
    const byStatus = examplesByStatus([example('200', 'business', {}), example('404', '404', {}), example('200', '200', {}), example('200', 'vip', {})]);
    expect(byStatus.get('200')!.map((e) => e.label)).toEqual(['200', 'business', 'vip']);
    expect([...byStatus.keys()]).toEqual(['200', '404']);
  });

  it('reads Prism’s preferences from the Prefer header, or from its query fallbacks', () => {
    expect(readPreferences('code=404, example="unknown-customer"', new URLSearchParams())).toEqual({ code: 404, example: 'unknown-customer' });
    expect(readPreferences('code=200; dynamic=true', new URLSearchParams())).toEqual({ code: 200, dynamic: true });
    expect(readPreferences(undefined, new URLSearchParams('__code=409&__example=open-orders'))).toEqual({ code: 409, example: 'open-orders' });
    expect(() => readPreferences('code=teapot', new URLSearchParams())).toThrow('Prefer: code must be a three-digit HTTP status, not "teapot"');
  });

  it('names the field of each of Prism’s validation problems', () => {
    expect(toInvalidParam({ path: ['body'], code: 'required', message: "Request body must have required property 'email'" })).toEqual({
      name: 'email',
      in: 'body',
      reason: "Request body must have required property 'email'",
    });
    expect(toInvalidParam({ path: ['body', 'items', '0', 'quantity'], code: 'type', message: 'must be integer' })).toMatchObject({
      name: 'items[0].quantity',
      in: 'body',
    });
    expect(toInvalidParam({ location: ['query', 'limit'], code: 'maximum', message: 'must be <= 100' })).toMatchObject({ name: 'limit', in: 'query' });
    expect(toInvalidParam({ code: 'required', message: 'Body parameter is required' })).toMatchObject({ name: 'body', in: 'body' });
  });

  it('accepts localhost origins on any port, and no other', () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080', 'https://localhost'])
      expect(isLocalOrigin(origin), origin).toBe(true);
    for (const origin of [undefined, 'null', 'https://example.com', 'http://localhost.example.com', 'file://'])
      expect(isLocalOrigin(origin), origin).toBe(false);
  });
});
