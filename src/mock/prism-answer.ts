import type { createInstance } from '@stoplight/prism-http';
import type { MockRequest, MockResponse } from './exchange.ts';
import { invalidRequestProblem, problem, type PrismValidation } from './problems.ts';
import type { PrismOperation } from './prism-operations.ts';

/** What Prism returns for one request: its answer and the request's validation, or an error. */
export type PrismResult = Awaited<ReturnType<ReturnType<ReturnType<typeof createInstance>['request']>>>;

/** What an answer is made from besides Prism's result. */
export interface AnswerContext {
  apiId: string;
  request: MockRequest;
  operations: readonly PrismOperation[];
  /** Response headers of the catalogue examples, keyed by the body Prism answers with. */
  exampleHeaders: WeakMap<object, Record<string, string>>;
  /** `<in>:<lowercased name>` → the parameter name as the contract spells it. */
  parameterNames: ReadonlyMap<string, string>;
}

type PrismError = Error & { status?: number; detail?: string; additional?: { headers?: Record<string, string>; validation?: PrismValidation[] } };

/** DiagnosticSeverity.Error of @stoplight/types. */
const errorSeverity = 0;

/**
 * Turns Prism's result into the mock's answer. A request that does not match the contract gets a
 * 400 naming each field, whatever example Prism picked for it; missing credentials keep Prism's
 * 401 (the contract's own 401 example when it has one).
 */
export function toMockResponse(result: PrismResult, context: AnswerContext): MockResponse {
  if (result._tag === 'Left') return fromPrismError(result.left as PrismError, context);
  const { output, validations } = result.right;
  const errors = validations.input.filter((v) => v.severity === errorSeverity);
  if (errors.length > 0 && !errors.some((v) => v.code === 401)) {
    const unsupported = errors.find((v) => v.code === 415);
    return unsupported ? problem(415, unsupported.message ?? 'Unsupported media type') : invalidRequestProblem(context.apiId, errors, context.parameterNames);
  }
  const headers = Object.fromEntries(
    Object.entries(output.headers ?? {}).flatMap(([name, value]) => (value === undefined || value === null ? [] : [[name.toLowerCase(), String(value)]])),
  );
  const chosen = typeof output.body === 'object' && output.body !== null ? context.exampleHeaders.get(output.body) : undefined;
  for (const [name, value] of Object.entries(chosen ?? {})) headers[name.toLowerCase()] = value;
  return { status: output.statusCode, headers, body: output.body };
}

/** Whether Prism failed because the status or example asked for does not exist. */
export function isMissingPreference(result: PrismResult): boolean {
  return result._tag === 'Left' && /#NOT_FOUND$/.test(result.left.name);
}

/** Whether Prism found the request invalid (credentials aside). */
export function hasInvalidInput(result: PrismResult): boolean {
  if (result._tag === 'Left') return /#UNPROCESSABLE_ENTITY$/.test(result.left.name);
  return result.right.validations.input.some((v) => v.severity === errorSeverity && v.code !== 401);
}

function fromPrismError(error: PrismError, context: AnswerContext): MockResponse {
  const { apiId, request, operations } = context;
  const kind = error.name.replace(/^.*#/, '');
  const route = `${request.method.toUpperCase()} ${request.path}`;
  const names = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
  switch (kind) {
    case 'NO_PATH_MATCHED_ERROR':
    case 'NO_RESOURCE_PROVIDED_ERROR':
      return problem(404, `${apiId} has no operation at ${request.path}.`, { operations: names });
    case 'NO_METHOD_MATCHED_ERROR': {
      const allowed = operations.filter((op) => matchesPath(op.path, request.path)).map((op) => op.method.toUpperCase());
      return problem(
        405,
        `${route} is not an operation of ${apiId}; ${request.path} answers ${allowed.join(', ')}.`,
        { operations: names },
        { allow: allowed.join(', ') },
      );
    }
    case 'UNPROCESSABLE_ENTITY':
      if (error.additional?.validation) return invalidRequestProblem(apiId, error.additional.validation, context.parameterNames);
      break;
    case 'UNAUTHORIZED': {
      const challenge = error.additional?.headers?.['WWW-Authenticate']?.replace(/\b(OAuth2|OpenID)\b/g, 'Bearer');
      return problem(
        401,
        `${route} requires credentials. The mock accepts any: send a header such as "Authorization: Bearer any-token", or the API key the contract names.`,
        {},
        challenge ? { 'www-authenticate': challenge } : {},
      );
    }
  }
  return problem(error.status ?? 500, error.detail ?? error.message);
}

/** Whether a request path matches an operation's path template (`/customer/{id}`). */
function matchesPath(template: string, path: string): boolean {
  const pattern = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pattern.join('[^/]+')}$`).test(path);
}
