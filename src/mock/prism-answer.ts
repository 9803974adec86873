import type { createInstance } from '@stoplight/prism-http';
import type { MockRequest, MockResponse } from './exchange.ts';
import { invalidRequestProblem, problem, type ErrorShape, type PrismValidation } from './problems.ts';
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
  /** How the API writes its errors. */
  errors: ErrorShape;
}

type PrismError = Error & { status?: number; detail?: string; additional?: { validation?: PrismValidation[] } };

/** DiagnosticSeverity.Error of @stoplight/types. */
const errorSeverity = 0;

/**
 * Turns Prism's result into the mock's answer. A request that does not match the contract gets a
 * 400 naming each field, whatever example Prism picked for it, in the API's error shape.
 */
export function toMockResponse(result: PrismResult, context: AnswerContext): MockResponse {
  if (result._tag === 'Left') return fromPrismError(result.left as PrismError, context);
  const { output, validations } = result.right;
  const errors = validations.input.filter((v) => v.severity === errorSeverity);
  if (errors.length > 0) {
    const unsupported = errors.find((v) => v.code === 415);
    return unsupported
      ? problem(415, unsupported.message ?? 'Unsupported media type', { shape: context.errors })
      : invalidRequestProblem(context.apiId, errors, context.parameterNames, context.errors);
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
  const { apiId, request, operations, errors: shape } = context;
  const kind = error.name.replace(/^.*#/, '');
  // The operation was matched before Prism was asked (problems.ts), so these are Prism reading a path another way.
  if (kind === 'NO_PATH_MATCHED_ERROR' || kind === 'NO_RESOURCE_PROVIDED_ERROR' || kind === 'NO_METHOD_MATCHED_ERROR') {
    const names = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    return problem(404, `${apiId} has no operation at ${request.path}.`, { shape, extensions: { operations: names } });
  }
  if (kind === 'UNPROCESSABLE_ENTITY' && error.additional?.validation) {
    return invalidRequestProblem(apiId, error.additional.validation, context.parameterNames, shape);
  }
  return problem(error.status ?? 500, error.detail ?? error.message, { shape });
}
