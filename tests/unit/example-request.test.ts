import { describe, expect, it } from 'vitest';
import type { Example, Operation } from '../../src/catalog/model.ts';
import { curlSnippet, exampleRequest, fetchSnippet, parseRequestText, requestText } from '../../src/site/example-request.ts';

const op = {
  id: 'update-customer',
  anchor: 'updateCustomer',
  kind: 'http',
  method: 'PATCH',
  path: '/customer/{id}',
  tags: [],
  deprecated: false,
  internal: false,
  parameters: [],
  security: [{ scheme: 'oauth2', scopes: ['customer:write'] }],
  responses: [],
  messages: [],
  examples: [],
  source: { file: 'openapi.yaml' },
} satisfies Operation;

const example: Example = {
  status: '200',
  label: 'new-phone',
  ok: true,
  request: { params: { id: 'CU 7734120' }, query: { fields: ['id', 'phone'] }, body: { phone: "+47 it's" } },
  source: { file: 'examples/updateCustomer/200.new-phone.json' },
};

describe('the request of an example', () => {
  it('fills path parameters and the query from the example and adds the token and content type', () => {
    expect(exampleRequest(op, example, 'https://sandbox.api.example/customer/v4/')).toEqual({
      method: 'PATCH',
      url: 'https://sandbox.api.example/customer/v4/customer/CU%207734120?fields=id&fields=phone',
      headers: [
        ['Authorization', 'Bearer $TOKEN'],
        ['Content-Type', 'application/json'],
      ],
      body: '{\n  "phone": "+47 it\'s"\n}',
    });
  });

  it('is a curl command a shell runs as written, quotes included', () => {
    expect(curlSnippet(exampleRequest(op, example, 'https://api.example'))).toBe(
      [
        "curl -X PATCH 'https://api.example/customer/CU%207734120?fields=id&fields=phone' \\",
        '  -H "Authorization: Bearer $TOKEN" \\',
        "  -H 'Content-Type: application/json' \\",
        `  --data '{\n  "phone": "+47 it'\\''s"\n}'`,
      ].join('\n'),
    );
  });

  it('is a fetch call whose body is the example as JavaScript', async () => {
    const snippet = fetchSnippet(exampleRequest(op, example, 'https://api.example'));
    const calls: [string, RequestInit][] = [];
    const run = new Function('fetch', 'token', `return (async () => { ${snippet}; return data; })();`) as (f: unknown, t: string) => Promise<unknown>;
    const data = await run((url: string, init: RequestInit) => {
      calls.push([url, init]);
      return Promise.resolve({ json: () => Promise.resolve({ ok: true }) });
    }, 'abc');
    expect(data).toEqual({ ok: true });
    expect(calls[0]![0]).toBe('https://api.example/customer/CU%207734120?fields=id&fields=phone');
    expect(calls[0]![1]).toEqual({
      method: 'PATCH',
      headers: { Authorization: 'Bearer abc', 'Content-Type': 'application/json' },
      body: '{"phone":"+47 it\'s"}',
    });
  });
});

describe('the request as shown on the page', () => {
  it('reads back into the same request, with or without a body', () => {
    const withBody = exampleRequest(op, example, 'https://api.example');
    expect(parseRequestText(requestText(withBody))).toEqual(withBody);
    const withoutBody = exampleRequest({ ...op, method: 'GET', security: [] }, { ...example, request: { params: { id: '1' } } }, 'https://api.example');
    expect(parseRequestText(requestText(withoutBody))).toEqual(withoutBody);
  });
});
