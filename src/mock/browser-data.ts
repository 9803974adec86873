import type { Api } from '../catalog/model.ts';
import { routes } from '../site/urls.ts';
import { examplesByStatus } from './enrich-contract.ts';
import { credentialsOf } from './credentials.ts';
import { errorShapeOf } from './error-shape.ts';
import type { ErrorShape } from './problems.ts';

/** What a mock sends back; header names in lower case. */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** One credential a request must carry: a header (Authorization, an API key's), a query parameter or a cookie. */
export interface Credential {
  scheme: string;
  in: 'header' | 'query' | 'cookie';
  name: string;
  /** The WWW-Authenticate challenge of an Authorization header: Bearer, Basic. */
  challenge?: string;
}

/** One answer the in-browser mock can give. */
export interface MockExample {
  status: number;
  label: string;
  ok: boolean;
  headers: Record<string, string>;
  body?: unknown;
}

/** One operation of a mocked API. */
export interface MockOperation {
  method: string;
  path: string;
  /** Its security alternatives, each the credentials it needs (credentials.ts). */
  security: Credential[][];
  examples: MockExample[];
}

/** What both mocks know of an API beside its contract: its operations with their examples (as built for the audience), and its error shape. */
export interface MockData {
  api: string;
  errors: ErrorShape;
  operations: MockOperation[];
}

/** Where the mock data of an API is published, beside its contract downloads. */
export const mockDataRoute = (id: string): string => `${routes.api(id)}mock.json`;

/** The path prefix the in-browser mock answers on, e.g. /_mock/customer-api-v4. */
export const mockServerPath = (id: string): string => `/_mock/${id}`;

/** The mock data of an API: every HTTP operation with its credentials and examples (generated ones included), OK first. */
export function mockDataFor(api: Api): MockData {
  const document = api.contract.document;
  return {
    api: api.id,
    errors: errorShapeOf(document),
    operations: api.contract.operations
      .filter((op) => op.kind === 'http' && op.method && op.path)
      .map((op) => ({
        method: op.method!.toUpperCase(),
        path: op.path!,
        security: credentialsOf(document, op.method!, op.path!),
        examples: [...examplesByStatus(op.examples).values()]
          .flat()
          .filter((e) => /^\d{3}$/.test(e.status!))
          .map((e) => {
            const response = (e.response ?? {}) as { headers?: Record<string, unknown>; body?: unknown };
            const declared = op.responses.find((r) => r.status === e.status) ?? op.responses.find((r) => r.status === 'default');
            const mediaType = declared?.content.find((m) => /[/+]json\b/i.test(m.mediaType))?.mediaType ?? declared?.content[0]?.mediaType;
            const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
            if (mediaType && response.body !== undefined && !('content-type' in headers)) headers['content-type'] = mediaType;
            return {
              status: Number(e.status),
              label: e.label,
              ok: e.ok,
              headers,
              ...(response.body !== undefined ? { body: response.body } : {}),
            };
          })
          .sort((a, b) => Number(b.ok) - Number(a.ok)),
      })),
  };
}
