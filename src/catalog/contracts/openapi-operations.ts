import type { MediaView, Operation, Parameter, ResponseInfo, SchemaView } from '../model.ts';
import type { SourceDocument } from '../read-yaml.ts';
import { pageAnchors, uniqueAnchor, withAnchors } from './anchors.ts';
import type { ValidOpenApi } from './openapi.ts';
import { limitsFor, type SchemaCatalog } from './schema-view.ts';

type Json = Record<string, any>;
type View = (schema: unknown) => SchemaView | undefined;

/** The operation keys of an OpenAPI path item. */
export const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const swagger2Types = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'];

/** Every HTTP operation of a dereferenced OpenAPI 2.0 or 3.x document, with its parameters, body and responses. */
export function openApiOperations(api: Json, version: ValidOpenApi['version'], doc: SourceDocument, schemas: SchemaCatalog): Operation[] {
  const anchors = new Set<string>(pageAnchors);
  const result: Omit<Operation, 'anchor'>[] = [];
  const paths = Object.entries<Json>(api['paths'] ?? {});
  const perOperation = limitsFor(paths.reduce((n, [, item]) => n + methods.filter((m) => item?.[m]).length, 0)).maxNodes;
  for (const [pathKey, item] of paths) {
    if (!item || typeof item !== 'object') continue;
    for (const method of methods) {
      const op: Json | undefined = item[method];
      if (!op) continue;
      const budget = { nodes: perOperation };
      const view: View = (schema) => schemas.viewFor(schema, budget);
      const parameters = mergeParameters(item['parameters'] ?? [], op['parameters'] ?? []);
      const operationId = typeof op['operationId'] === 'string' ? op['operationId'] : undefined;
      const requestBody = version === '2.0' ? swagger2Body(api, op, parameters, view) : openApi3Body(op['requestBody'], view);
      result.push({
        id: uniqueAnchor(operationId ?? `${method}-${pathKey}`, anchors),
        ...(operationId ? { operationId } : {}),
        kind: 'http',
        method: method.toUpperCase(),
        path: pathKey,
        ...(op['summary'] ? { summary: String(op['summary']) } : {}),
        ...(op['description'] ? { description: String(op['description']) } : {}),
        tags: (op['tags'] ?? []).map(String),
        deprecated: op['deprecated'] === true,
        internal: op['x-internal'] === true,
        parameters: parameters.filter((p) => p['in'] !== 'body' && p['in'] !== 'formData').map((p) => toParameter(p, version, view)),
        security: ((op['security'] ?? api['security'] ?? []) as Record<string, string[]>[]).flatMap((requirement) =>
          Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes: [...(scopes ?? [])] })),
        ),
        ...(requestBody ? { requestBody } : {}),
        responses: Object.entries<Json>(op['responses'] ?? {}).map(([status, response]) => toResponse(api, op, status, response ?? {}, version, view)),
        messages: [],
        examples: [],
        source: { file: doc.file },
      });
    }
  }
  return withAnchors(result);
}

function mergeParameters(shared: Json[], own: Json[]): Json[] {
  const key = (p: Json) => `${p['in']}:${p['name']}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

/** Swagger 2.0 puts a non-body parameter's schema keywords on the parameter itself. */
function swagger2ParameterSchema(p: Json): Json {
  return Object.fromEntries(swagger2Types.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
}

function toParameter(p: Json, version: ValidOpenApi['version'], view: View): Parameter {
  const schema = view(version === '2.0' ? swagger2ParameterSchema(p) : (p['schema'] ?? Object.values<Json>(p['content'] ?? {})[0]?.['schema']));
  return {
    name: String(p['name']),
    in: String(p['in']),
    required: p['required'] === true,
    ...(p['description'] ? { description: String(p['description']) } : {}),
    internal: p['x-internal'] === true,
    ...(schema ? { schema } : {}),
  };
}

function media(content: Json | undefined, view: View): MediaView[] {
  return Object.entries<Json>(content ?? {}).map(([mediaType, value]) => {
    const schema = view(value?.['schema']);
    return { mediaType, ...(schema ? { schema } : {}) };
  });
}

function openApi3Body(body: Json | undefined, view: View): Operation['requestBody'] {
  if (!body) return undefined;
  return { required: body['required'] === true, ...(body['description'] ? { description: String(body['description']) } : {}), content: media(body['content'], view) };
}

function swagger2Body(api: Json, op: Json, parameters: Json[], view: View): Operation['requestBody'] {
  const consumes: string[] = op['consumes'] ?? api['consumes'] ?? ['application/json'];
  const body = parameters.find((p) => p['in'] === 'body');
  if (body) {
    const schema = view(body['schema']);
    return { required: body['required'] === true, ...(body['description'] ? { description: String(body['description']) } : {}), content: consumes.map((mediaType) => ({ mediaType, ...(schema ? { schema } : {}) })) };
  }
  const form = parameters.filter((p) => p['in'] === 'formData');
  if (form.length === 0) return undefined;
  const schema = view({ type: 'object', required: form.filter((p) => p['required']).map((p) => p['name']), properties: Object.fromEntries(form.map((p) => [p['name'], { ...swagger2ParameterSchema(p), description: p['description'] }])) });
  return { required: form.some((p) => p['required'] === true), content: consumes.map((mediaType) => ({ mediaType, ...(schema ? { schema } : {}) })) };
}

function toResponse(api: Json, op: Json, status: string, response: Json, version: ValidOpenApi['version'], view: View): ResponseInfo {
  const swagger2Schema = version === '2.0' ? view(response['schema']) : undefined;
  const content =
    version !== '2.0'
      ? media(response['content'], view)
      : response['schema']
        ? ((op['produces'] ?? api['produces'] ?? ['application/json']) as string[]).map((mediaType) => ({ mediaType, ...(swagger2Schema ? { schema: swagger2Schema } : {}) }))
        : [];
  const headers = Object.entries<Json>(response['headers'] ?? {}).map(([name, header]) => {
    const schema = view(version === '2.0' ? swagger2ParameterSchema(header ?? {}) : header?.['schema']);
    return { name, ...(header?.['description'] ? { description: String(header['description']) } : {}), ...(schema ? { schema } : {}) };
  });
  return { status, ...(response['description'] ? { description: String(response['description']) } : {}), content, headers };
}
