import { createRequire } from 'node:module';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ReadLog } from '../cache/read-log.ts';
import { diagnose, fileStart, type Diagnostic, type StageResult } from '../diagnostics.ts';
import type { PathSegment, SourceDocument } from '../read-yaml.ts';
import { validateOpenApiSchema, type OpenApiVersion } from './openapi-schema.ts';
import { describeSchemaError, locateSchemaError, pickSchemaErrors, decodePointer } from './schema-errors.ts';
import { findForbiddenRefs } from './ref-guard.ts';
import { confinedFileResolver } from './confined-resolver.ts';
import { methods } from './openapi-operations.ts';
import { relativeTo } from './paths.ts';

const require = createRequire(import.meta.url);
const validateSwagger2Spec = require('@apidevtools/swagger-parser/lib/validators/spec.js') as (api: unknown) => void;

/** A contract that passed validation, dereferenced. */
export interface ValidOpenApi {
  version: OpenApiVersion;
  api: Record<string, any>;
}

/** Detects the OpenAPI version of a parsed contract, or undefined when it is not OpenAPI. */
export function openApiVersionOf(value: unknown): OpenApiVersion | 'unsupported' | undefined {
  const doc = value as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') return undefined;
  if ('swagger' in doc) return doc['swagger'] === '2.0' ? '2.0' : 'unsupported';
  if (!('openapi' in doc)) return undefined;
  const version = String(doc['openapi']);
  if (/^3\.0\.\d+$/.test(version)) return '3.0';
  if (/^3\.1\.\d+$/.test(version)) return '3.1';
  return 'unsupported';
}

/**
 * Validates an OpenAPI 2.0/3.0/3.1 contract and dereferences it, reading only files
 * inside the catalogue (each recorded in `log`). The parsed input is never mutated.
 */
export async function loadOpenApi(doc: SourceDocument, absoluteFile: string, root: string, log?: ReadLog): Promise<StageResult<ValidOpenApi | undefined>> {
  const version = openApiVersionOf(doc.value);
  if (version === undefined || version === 'unsupported') {
    const key = doc.value && typeof doc.value === 'object' && 'swagger' in doc.value ? 'swagger' : 'openapi';
    const written = String((doc.value as Record<string, unknown>)?.[key]);
    return fail(diagnose('openapi/invalid', doc.file, doc.locate([key]), `${key}: ${JSON.stringify(written)} is not a supported version`, { hint: 'Use swagger: "2.0", openapi: 3.0.x or openapi: 3.1.x (as a quoted string).' }));
  }
  const refProblems = findForbiddenRefs(doc, absoluteFile, root);
  if (refProblems.length > 0) return { value: undefined, diagnostics: refProblems };

  const schemaErrors = pickSchemaErrors(validateOpenApiSchema(doc.value, version));
  if (schemaErrors.length > 0) {
    return {
      value: undefined,
      diagnostics: schemaErrors.map((e) => diagnose('openapi/invalid', doc.file, locateSchemaError(e, doc), describeSchemaError(e))),
    };
  }

  const nested: Diagnostic[] = [];
  let api: Record<string, any>;
  try {
    api = (await (new SwaggerParser() as any).dereference(absoluteFile, structuredClone(doc.value) as any, {
      resolve: { external: true, http: false, file: confinedFileResolver(root, nested, log) },
      dereference: { circular: true },
    })) as Record<string, any>;
  } catch (error) {
    if (nested.length > 0) return { value: undefined, diagnostics: nested };
    return fail(refError(error, doc, root));
  }
  if (nested.length > 0) return { value: undefined, diagnostics: nested };

  const specProblems = version === '2.0' ? swagger2SpecProblems(api, doc) : duplicateOperationIds(doc);
  if (specProblems.length > 0) return { value: undefined, diagnostics: specProblems };
  return { value: { version, api }, diagnostics: [] };
}

function fail(diagnostic: Diagnostic): StageResult<undefined> {
  return { value: undefined, diagnostics: [diagnostic] };
}

function refError(error: unknown, doc: SourceDocument, root: string): Diagnostic {
  const e = error as { message?: string; source?: string; path?: string; code?: string };
  const message = (e.message ?? String(error)).split('\n')[0]!;
  const file = e.source ? relativeTo(root, decodeURIComponent(e.source.replace(/^file:\/\//, ''))) : doc.file;
  const at = file === doc.file && e.path ? doc.locate(decodePointer(e.path)) : fileStart;
  const code = /resolve|pointer|ENOENT|\$ref/i.test(message) ? 'ref/unresolved' : 'openapi/invalid';
  return diagnose(code, file, at, message.replace(/^Error resolving \$ref pointer /, 'cannot resolve the $ref '));
}

/** Swagger 2.0 rules beyond its JSON Schema (swagger-parser's own spec validator). */
function swagger2SpecProblems(api: Record<string, any>, doc: SourceDocument): Diagnostic[] {
  try {
    validateSwagger2Spec(api);
    return [];
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/^Validation failed\. /, '');
    return [diagnose('openapi/invalid', doc.file, doc.locate(pathFromSpecMessage(message, doc.value)), message)];
  }
}

/** swagger-parser names places as "/paths/<path>/<method>"; find them in the document. */
function pathFromSpecMessage(message: string, value: unknown): PathSegment[] {
  const paths = Object.keys((value as { paths?: object }).paths ?? {}).sort((a, b) => b.length - a.length);
  const match = /\/paths(\/\S*)/.exec(message);
  if (!match) return [];
  const rest = match[1]!;
  const pathKey = paths.find((p) => rest === p || rest.startsWith(`${p}/`));
  if (!pathKey) return ['paths'];
  const method = rest.slice(pathKey.length + 1).split('/')[0];
  return method ? ['paths', pathKey, method] : ['paths', pathKey];
}

/** OpenAPI 3 requires operationIds to be unique; swagger-parser checks it only for 2.0. */
function duplicateOperationIds(doc: SourceDocument): Diagnostic[] {
  const seen = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const [pathKey, item] of Object.entries((doc.value as { paths?: Record<string, any> }).paths ?? {})) {
    for (const method of methods) {
      const id = item?.[method]?.operationId;
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first) {
        problems.push(diagnose('openapi/invalid', doc.file, doc.locate(['paths', pathKey, method, 'operationId']), `the operationId "${id}" is already used by ${first}`, { hint: 'operationIds must be unique in a contract; rename one.' }));
      } else {
        seen.set(id, `${method.toUpperCase()} ${pathKey}`);
      }
    }
  }
  return problems;
}
