import { describe, expect, it } from 'vitest';
import { answer } from '../../src/mock/browser-answer.ts';
import type { MockData } from '../../src/mock/browser-data.ts';
import { rfc9457 } from '../../src/mock/problems.ts';

const bearer = { scheme: 'oauth', in: 'header', name: 'Authorization', challenge: 'Bearer' } as const;
const data: MockData = {
  api: 'customer-api',
  errors: rfc9457,
  operations: [
    {
      method: 'GET',
      path: '/customer/{id}',
      security: [[bearer]],
      examples: [
        { status: 200, label: '200', ok: true, headers: { 'content-type': 'application/json' }, body: { id: 'CU-1' } },
        { status: 200, label: 'business', ok: true, headers: {}, body: { id: 'CU-2', segment: 'business' } },
        { status: 404, label: 'unknown-customer', ok: false, headers: { 'content-type': 'application/problem+json' }, body: { status: 404 } },
      ],
    },
    { method: 'DELETE', path: '/customer/{id}', security: [[bearer]], examples: [{ status: 204, label: '204', ok: true, headers: {} }] },
    { method: 'GET', path: '/status', security: [], examples: [{ status: 200, label: '200', ok: true, headers: {}, body: 'up' }] },
    {
      method: 'GET',
      path: '/key',
      security: [[{ scheme: 'key', in: 'query', name: 'api_key' }], []],
      examples: [{ status: 200, label: '200', ok: true, headers: {}, body: 'ok' }],
    },
  ],
};

const signedIn = (prefer?: string) => new Headers({ authorization: 'Bearer any-token', ...(prefer ? { prefer } : {}) });

describe('the in-browser mock', () => {
  it("reads the Prefer header as the mock server does, with Prism's query fallbacks", () => {
    expect(answer(data, 'GET', '/customer/x', signedIn('code=200, example="business"'))).toMatchObject({ status: 200, body: { segment: 'business' } });
    expect(answer(data, 'GET', '/customer/x', signedIn(), new URLSearchParams('__code=404'))).toMatchObject({ status: 404, body: { status: 404 } });
    const wrong = answer(data, 'GET', '/customer/x', signedIn('code=soon'));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ title: 'Bad Request', detail: 'Prefer: code must be a three-digit HTTP status, not "soon"' });
  });

  it('answers the first OK example by default, matching path parameters', () => {
    expect(answer(data, 'get', '/customer/CU-99', signedIn())).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: { id: 'CU-1' } });
    expect(answer(data, 'DELETE', '/customer/CU-99/', signedIn())).toEqual({ status: 204, headers: {} });
  });

  it('answers the example the Prefer header asks for', () => {
    expect(answer(data, 'GET', '/customer/x', signedIn('code=404'))).toMatchObject({ status: 404, body: { status: 404 } });
    expect(answer(data, 'GET', '/customer/x', signedIn('example=business'))).toMatchObject({ status: 200, body: { segment: 'business' } });
  });

  it('answers 401 without the credentials an operation asks for, and only then', () => {
    const refused = answer(data, 'GET', '/customer/x', new Headers());
    expect(refused).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer', 'content-type': 'application/problem+json' } });
    expect(refused.body).toMatchObject({ title: 'Unauthorized', detail: expect.stringContaining('"Authorization: Bearer any-token"') });
    expect(answer(data, 'GET', '/customer/x', new Headers({ authorization: 'Bearer ' })).status).toBe(401);
    expect(answer(data, 'GET', '/customer/x', new Headers({ authorization: 'Basic dXNlcjpwdw==' })).status).toBe(401);
    expect(answer(data, 'GET', '/status', new Headers()).status).toBe(200);
    // An empty alternative makes credentials optional.
    expect(answer(data, 'GET', '/key', new Headers()).status).toBe(200);
  });

  it('says so in a problem+json 404 or 405 when no operation or no example matches', () => {
    const unknownPath = answer(data, 'GET', '/customers', signedIn());
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers['content-type']).toBe('application/problem+json');
    expect(unknownPath.body).toMatchObject({ detail: 'customer-api has no operation at /customers.' });
    expect(answer(data, 'POST', '/customer/1', signedIn())).toMatchObject({ status: 405, headers: { allow: 'GET, DELETE' } });
    expect(answer(data, 'GET', '/customer/1', signedIn('code=500')).body).toMatchObject({
      title: 'Not Found',
      detail: expect.stringContaining('404 (unknown-customer)'),
    });
  });

  it("writes its errors in the API's own shape", () => {
    const camel = { ...data, errors: { mediaType: 'application/json', invalidParams: 'invalidParams', detail: 'message' } };
    const wrong = answer(camel, 'GET', '/customer/x', signedIn('code=soon'));
    expect(wrong.headers['content-type']).toBe('application/json');
    expect(wrong.body).toMatchObject({ status: 400, message: expect.stringContaining('three-digit') });
  });
});
