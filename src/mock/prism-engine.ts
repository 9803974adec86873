import { createInstance, getHttpOperationsFromSpec, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import type { Api } from '../catalog/model.ts';
import { describePreferences } from './browser-answer.ts';
import { mockDataFor } from './browser-data.ts';
import { enrichContract } from './enrich-contract.ts';
import type { MockRequest, MockResponse } from './exchange.ts';
import { readPreferences, type Preferences } from './prefer.ts';
import { hasCredentials, invalidPreference, matchOperation, noOperation, noSuchExample, problem, unauthorized, type ErrorShape } from './problems.ts';
import { hasInvalidInput, isMissingPreference, toMockResponse, type AnswerContext } from './prism-answer.ts';
import { indexExampleHeaders, putSchemaExamplesLast, statusByLabel, type PrismOperation } from './prism-operations.ts';

/** Prism answering for one API of the catalogue. */
export interface MockEngine {
  api: Api;
  /** `GET /customer/{id}`, one per operation. */
  operations: string[];
  /** How the API writes its errors (problems.ts). */
  errors: ErrorShape;
  answer(request: MockRequest): Promise<MockResponse>;
}

type Logger = Parameters<typeof createInstance>[1]['logger'];

/**
 * Loads an API's contract, enriched with its catalogue examples, into Prism. Requests are validated
 * against the contract. What the in-browser mock decides too is decided as it decides it
 * (problems.ts): an unknown operation, missing credentials (checked for presence only: any token
 * passes), an unreadable Prefer header, a missing example, and the shape of every error body.
 */
export async function createMockEngine(api: Api): Promise<MockEngine> {
  // Prism's ref parser dereferences in place: it gets a copy, so the model's document stays as it was.
  const operations = await getHttpOperationsFromSpec(structuredClone(enrichContract(api.contract.document, api.contract.operations)) as object);
  putSchemaExamplesLast(operations);
  const exampleHeaders = indexExampleHeaders(operations, api);
  const labels = statusByLabel(api);
  const parameterNames = new Map(api.contract.operations.flatMap((op) => op.parameters.map((p) => [`${p.in}:${p.name.toLowerCase()}`, p.name] as const)));
  const prism = createInstance(configFor({}), { logger: silentLogger() });
  const data = mockDataFor(api);

  async function answer(request: MockRequest): Promise<MockResponse> {
    // HEAD answers like GET (without the body) unless the contract declares it.
    const method = request.method.toUpperCase() === 'HEAD' && !matchOperation(data, 'HEAD', request.path) ? 'GET' : request.method;
    const op = matchOperation(data, method, request.path);
    if (!op) return noOperation(data, request.method, request.path);
    let headers: Headers;
    try {
      headers = new Headers(request.headers);
    } catch (error) {
      return problem(400, `A request header cannot be read: ${(error as Error).message}`, { shape: data.errors });
    }
    if (!hasCredentials(op, headers, request.query)) return unauthorized(data, op);
    let preferences: Preferences;
    try {
      preferences = readPreferences(request.headers['prefer'], request.query);
    } catch (error) {
      return invalidPreference(data, (error as Error).message);
    }
    const asked = describePreferences(preferences);
    if (preferences.example && preferences.code === undefined) preferences.code = labels.get(preferences.example);
    let result = await prism.request(toPrismInput(request, operations), operations, configFor(preferences))();
    // Prism looks for the example asked for among its 422 and 400 answers when the request is invalid,
    // and reports a missing example instead of the invalid request: ask again without preferences.
    if (isMissingPreference(result) && (preferences.code !== undefined || preferences.example)) {
      const plain = await prism.request(toPrismInput(request, operations), operations, configFor({}))();
      if (hasInvalidInput(plain)) result = plain;
    }
    if (isMissingPreference(result)) return noSuchExample(data, op, asked);
    const context: AnswerContext = { apiId: api.id, request, operations, exampleHeaders, parameterNames, errors: data.errors };
    return toMockResponse(result, context);
  }

  return { api, operations: operations.map((op) => `${op.method.toUpperCase()} ${op.path}`), errors: data.errors, answer };
}

/** A fresh configuration per request: Prism writes the request's Accept types into `mock`. */
function configFor(preferences: Preferences): IHttpConfig {
  return {
    mock: {
      dynamic: preferences.dynamic ?? false,
      ...(preferences.code !== undefined ? { code: preferences.code } : {}),
      ...(preferences.example ? { exampleKey: preferences.example } : {}),
      ...(preferences.seed ? { seed: preferences.seed } : {}),
    },
    // Credentials are checked before Prism is asked, as the in-browser mock checks them.
    checkSecurity: false,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
}

/** A new input per call: Prism parses form bodies into the input it is given. */
function toPrismInput(request: MockRequest, operations: readonly PrismOperation[]): IHttpRequest {
  // HEAD answers like GET (without the body) unless the contract declares it.
  const method = request.method === 'HEAD' && !operations.some((op) => op.method === 'head') ? 'get' : request.method.toLowerCase();
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(request.query.keys())) {
    const all = request.query.getAll(name);
    query[name] = all.length === 1 ? all[0]! : all;
  }
  return { method: method as IHttpRequest['method'], url: { path: request.path, query }, headers: { ...request.headers }, body: request.body };
}

/** Prism logs every negotiation step; the mock prints one line per request instead. */
function silentLogger(): Logger {
  const logger: Record<string, unknown> = {};
  for (const level of ['fatal', 'error', 'warn', 'info', 'success', 'debug', 'trace']) logger[level] = () => undefined;
  logger['child'] = () => logger;
  return logger as unknown as Logger;
}
