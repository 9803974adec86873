import type { Api } from '../catalog/model.ts';
import { routes } from '../site/urls.ts';

/** One answer the in-browser mock can give. */
export interface MockExample {
  status: number;
  label: string;
  ok: boolean;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the in-browser mock knows of an API: its operations and their examples, as built for the audience. */
export interface MockData {
  api: string;
  operations: { method: string; path: string; examples: MockExample[] }[];
}

/** Where the mock data of an API is published, beside its contract downloads. */
export const mockDataRoute = (id: string): string => `${routes.api(id)}mock.json`;

/** The path prefix the in-browser mock answers on, e.g. /_mock/customer-api-v4. */
export const mockServerPath = (id: string): string => `/_mock/${id}`;

/** The mock data of an API: every HTTP operation with its examples (generated ones included), OK first. */
export function mockDataFor(api: Api): MockData {
  return {
    api: api.id,
    operations: api.contract.operations
      .filter((op) => op.kind === 'http' && op.method && op.path)
      .map((op) => ({
        method: op.method!,
        path: op.path!,
        examples: op.examples
          .filter((e) => e.status !== undefined && /^\d{3}$/.test(e.status))
          .map((e) => {
            const response = (e.response ?? {}) as { headers?: Record<string, unknown>; body?: unknown };
            const declared = op.responses.find((r) => r.status === e.status) ?? op.responses.find((r) => r.status === 'default');
            const mediaType = declared?.content.find((m) => /[/+]json\b/i.test(m.mediaType))?.mediaType ?? declared?.content[0]?.mediaType;
            const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
            if (mediaType && response.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
              headers['Content-Type'] = mediaType;
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
