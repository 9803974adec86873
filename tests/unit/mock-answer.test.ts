import { describe, expect, it } from 'vitest';
import { answer } from '../../src/mock/browser-answer.ts';
import type { MockData } from '../../src/mock/browser-data.ts';

const data: MockData = {
  api: 'customer-api',
  operations: [
    {
      method: 'GET',
      path: '/customer/{id}',
      examples: [
        { status: 200, label: '200', ok: true, headers: { 'Content-Type': 'application/json' }, body: { id: 'CU-1' } },
        { status: 200, label: 'business', ok: true, headers: {}, body: { id: 'CU-2', segment: 'business' } },
        { status: 404, label: 'unknown-customer', ok: false, headers: { 'Content-Type': 'application/problem+json' }, body: { status: 404 } },
      ],
    },
    { method: 'DELETE', path: '/customer/{id}', examples: [{ status: 204, label: '204', ok: true, headers: {} }] },
  ],
};

describe('the in-browser mock', () => {
  it("reads the Prefer header as the mock server does, with Prism's query fallbacks", () => {
    expect(answer(data, 'GET', '/customer/x', 'code=200, example="business"')).toMatchObject({ status: 200, body: { segment: 'business' } });
    expect(answer(data, 'GET', '/customer/x', null, new URLSearchParams('__code=404'))).toMatchObject({ status: 404, body: { status: 404 } });
    const wrong = answer(data, 'GET', '/customer/x', 'code=soon');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ title: 'Invalid Prefer header', detail: 'Prefer: code must be a three-digit HTTP status, not "soon"' });
  });

  it('answers the first OK example by default, matching path parameters', () => {
    expect(answer(data, 'get', '/customer/CU-99', null)).toEqual({ status: 200, headers: { 'Content-Type': 'application/json' }, body: { id: 'CU-1' } });
    expect(answer(data, 'DELETE', '/customer/CU-99/', null)).toEqual({ status: 204, headers: {} });
  });

  it('answers the example the Prefer header asks for', () => {
    expect(answer(data, 'GET', '/customer/x', 'code=404')).toMatchObject({ status: 404, body: { status: 404 } });
    expect(answer(data, 'GET', '/customer/x', 'example=business')).toMatchObject({ status: 200, body: { segment: 'business' } });
  });

  it('says so in a problem+json 404 when no operation or no example matches', () => {
    const unknownPath = answer(data, 'GET', '/customers', null);
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers['Content-Type']).toBe('application/problem+json');
    expect(unknownPath.body).toMatchObject({ detail: 'customer-api has no operation GET /customers. Its GET operations: /customer/{id}.' });
    expect(answer(data, 'POST', '/customer/1', null).status).toBe(404);
    expect(answer(data, 'GET', '/customer/1', 'code=500').body).toMatchObject({
      title: 'No such example',
      detail: expect.stringContaining('404 (unknown-customer)'),
    });
  });
});
