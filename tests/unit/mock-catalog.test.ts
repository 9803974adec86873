import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Example, Operation } from '../../src/catalog/model.ts';
import { bodyOf, headersOf } from '../../src/mock/enrich-contract.ts';
import type { MockRequest } from '../../src/mock/exchange.ts';
import { createMockEngines, type MockedCatalog } from '../../src/mock/mock-catalog.ts';

let mocked: MockedCatalog;

beforeAll(async () => {
  const result = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'), { keepDocuments: true });
  mocked = await createMockEngines(result.catalog!);
});

/** The request an example file describes, asking for that example. */
function requestFor(op: Operation, example: Example): MockRequest {
  const { params = {}, query = {}, headers = {}, body } = (example.request ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const path = op.path!.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? 'x')));
  return {
    method: op.method!,
    path,
    query: new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])),
    headers: {
      authorization: 'Bearer any-token',
      // An example without a response body (a 204, or a request-only one) is not among Prism's examples.
      prefer: bodyOf(example) === undefined ? `code=${example.status}` : `code=${example.status}, example=${example.label}`,
      ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)])),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body ?? null,
  };
}

describe('the mock of the example catalogue', () => {
  it('mocks every OpenAPI API and no AsyncAPI one', () => {
    expect(mocked.engines.length).toBeGreaterThanOrEqual(14);
    expect(mocked.engines.every((e) => e.api.contract.format === 'openapi')).toBe(true);
    expect(mocked.skipped.map((s) => s.reason)).toEqual(mocked.skipped.map(() => 'AsyncAPI'));
  });

  it('answers every example file with its status, body and headers when its request is sent with Prefer', async () => {
    let answered = 0;
    for (const { api, answer, errors } of mocked.engines) {
      for (const op of api.contract.operations) {
        // Examples written in the contract, or generated, hold no request to send.
        for (const example of op.examples.filter((e) => e.source.file.startsWith(`${path.posix.dirname(api.source.file)}/examples/`))) {
          const response = await answer(requestFor(op, example));
          const where = `${api.id} ${example.source.file}`;
          const body = response.body as Record<string, unknown> | undefined;
          // A 400 example may show a request that breaks the contract: the mock then says which field, as the API lists them.
          if (example.status === '400' && body?.[errors.detail]?.toString().startsWith('The request does not match')) {
            expect(response.status, where).toBe(400);
            expect((body[errors.invalidParams] as unknown[]).length, where).toBeGreaterThan(0);
            continue;
          }
          expect(response.status, where).toBe(Number(example.status));
          if (bodyOf(example) !== undefined) expect(response.body, where).toEqual(bodyOf(example));
          for (const [name, value] of Object.entries(headersOf(example))) expect(response.headers[name.toLowerCase()], `${where} ${name}`).toBe(value);
          answered++;
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });
});
