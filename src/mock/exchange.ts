/** One request to a mocked API, its path taken from after `/<api-id>`. */
export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

/** What the mock answers to one request. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}
