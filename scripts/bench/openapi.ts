import type { Json, JsonObject } from './json.ts';
import type { ApiPlan } from './plan.ts';
import { contractInfo } from './info.ts';
import { createRng, type Rng } from './prng.ts';
import { entitySchemas, keepReachable, renderSchema, sampleOf, sharedSchemas, type SchemaModel } from './schemas.ts';
import { paragraph, pluralise, toCamel, toPascal, toTitle, withArticle } from './text.ts';

/** A file of a generated API folder other than api.yaml, path relative to that folder. */
export interface ExtraFile {
  path: string;
  content: Json;
}
/** A generated contract and the example files that go with it. */
export interface GeneratedContract {
  fileName: string;
  document: JsonObject;
  files: ExtraFile[];
}

const JSON_TYPE = 'application/json';
const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const body = (description: string, schema: string): JsonObject => ({ description, content: { [JSON_TYPE]: { schema: schemaRef(schema) } } });

function responses(ok: string, title: string, schema: string): JsonObject {
  return {
    '200': {
      ...body(ok, schema),
      headers: { 'X-Request-Id': { description: 'The correlation identifier of the request.', schema: { type: 'string', format: 'uuid' } } },
    },
    '400': body('The request is invalid; the body lists each problem.', 'Error'),
    '404': body(`No ${title} matches the request.`, 'Error'),
  };
}

const SHARED_PARAMETERS: JsonObject = {
  Offset: { name: 'offset', in: 'query', description: 'Index of the first item to return.', schema: { type: 'integer', minimum: 0, default: 0 } },
  Limit: { name: 'limit', in: 'query', description: 'Maximum number of items to return.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  Fields: {
    name: 'fields',
    in: 'query',
    description: 'Comma-separated properties to return; all when absent.',
    schema: { type: 'string' },
    example: 'id,name,status',
  },
  RequestId: {
    name: 'X-Request-Id',
    in: 'header',
    description: 'Correlation identifier echoed in logs and responses.',
    schema: { type: 'string', format: 'uuid' },
  },
};
const paramRef = (name: string): JsonObject => ({ $ref: `#/components/parameters/${name}` });

/** The five operations (list, create, get, update, delete) of one entity, keyed by path. */
function entityPaths(rng: Rng, api: ApiPlan, entity: string, internalDelete: boolean): JsonObject {
  const name = toPascal(entity);
  const title = toTitle(entity).toLowerCase();
  const plural = pluralise(entity);
  const idParam: JsonObject = {
    name: `${toCamel(entity)}Id`,
    in: 'path',
    required: true,
    description: `Identifier of the ${title}.`,
    schema: { type: 'string' },
    example: '4711',
  };
  const write = [{ oauth2: [`${api.id}:write`] }];
  const op = (verb: string, operationId: string, summary: string, extra: JsonObject): JsonObject => ({
    tags: [name],
    summary,
    description: paragraph(rng, entity, 4),
    operationId,
    ...extra,
    responses: verb === 'list' ? responses(`A page of ${pluralise(title)}.`, title, `${name}Page`) : responses(`The ${title}.`, title, name),
  });
  return {
    [`/${plural}`]: {
      get: op('list', `list${toPascal(plural)}`, `List ${pluralise(title)}`, {
        parameters: [
          paramRef('Offset'),
          paramRef('Limit'),
          paramRef('Fields'),
          paramRef('RequestId'),
          {
            name: 'status',
            in: 'query',
            description: 'Only items in this status.',
            schema: { type: 'string', enum: ['initialised', 'active', 'suspended', 'terminated'] },
          },
          { name: 'createdAfter', in: 'query', description: 'Only items created after this instant.', schema: { type: 'string', format: 'date-time' } },
        ],
      }),
      post: op('create', `create${name}`, `Create ${withArticle(title)}`, {
        parameters: [paramRef('RequestId')],
        requestBody: { description: `The ${title} to create.`, required: true, content: { [JSON_TYPE]: { schema: schemaRef(`${name}Create`) } } },
        security: write,
      }),
    },
    [`/${plural}/{${toCamel(entity)}Id}`]: {
      get: op('get', `get${name}`, `Read ${withArticle(title)}`, { parameters: [idParam, paramRef('Fields'), paramRef('RequestId')] }),
      patch: op('update', `update${name}`, `Change ${withArticle(title)}`, {
        parameters: [idParam, paramRef('RequestId')],
        requestBody: { description: 'The fields to change.', required: true, content: { [JSON_TYPE]: { schema: schemaRef(`${name}Update`) } } },
        security: write,
      }),
      delete: op('delete', `delete${name}`, `Delete ${withArticle(title)}`, {
        parameters: [idParam, paramRef('RequestId')],
        security: write,
        ...(internalDelete ? { 'x-internal': true } : {}),
      }),
    },
  };
}

/** OK/KO example files for the operations of the main entity, and a KO example for every other operation. */
function exampleFiles(models: ReadonlyMap<string, SchemaModel>, entities: readonly string[], seed: number): ExtraFile[] {
  const entity = entities[0] as string;
  const name = toPascal(entity);
  const title = toTitle(entity).toLowerCase();
  const error = (status: number, code: string, reason: string): JsonObject => ({
    code,
    reason,
    message: `${reason}; check the request and try again.`,
    status,
  });
  const file = (operationId: string, status: string, summary: string, value: Json): ExtraFile => ({
    path: `examples/${operationId}/${status}.json`,
    content: { summary, response: { body: value } },
  });
  return [
    file(`get${name}`, '200', `An active ${title}`, sampleOf(models, name, seed)),
    file(`get${name}`, '404', `No ${title} has this identifier`, error(404, 'NOT_FOUND', `${toTitle(entity)} not found`)),
    file(`get${name}`, '404.unknown-id', `An identifier that was never issued`, error(404, 'UNKNOWN_ID', 'Unknown identifier')),
    file(`create${name}`, '200', `${toTitle(withArticle(title))} just created`, sampleOf(models, name, seed + 1)),
    file(`create${name}`, '400', `${toTitle(withArticle(title))} without a name`, {
      ...error(400, 'INVALID', 'Invalid request'),
      details: [{ field: '/name', issue: 'is required' }],
    }),
    file(`list${toPascal(pluralise(entity))}`, '200', `A page of ${pluralise(title)}`, sampleOf(models, `${name}Page`, seed + 2)),
    ...entities.flatMap((e, i) =>
      [`list${toPascal(pluralise(e))}`, ...(i > 0 ? [`get${toPascal(e)}`, `create${toPascal(e)}`] : []), `update${toPascal(e)}`, `delete${toPascal(e)}`].map(
        (operationId) => file(operationId, '400', 'A request the API refuses', error(400, 'INVALID', 'Invalid request')),
      ),
    ),
  ];
}

/** Builds an OpenAPI 3.0.3 contract with 15 operations and about 22 schemas for an API. */
export function buildOpenApi(api: ApiPlan, apiName: string): GeneratedContract {
  const rng = createRng(`openapi-${api.id}`);
  const entityModels = api.entities.flatMap((e) => entitySchemas(rng, e, api.hasInternalParts));
  const models = keepReachable([...sharedSchemas(), ...entityModels], ['Error', ...entityModels.map((m) => m.name)]);
  const byName = new Map(models.map((m) => [m.name, m]));
  const paths: JsonObject = {};
  api.entities.forEach((entity, i) => Object.assign(paths, entityPaths(rng, api, entity, api.hasInternalParts && i === 0)));
  const schemas: JsonObject = {};
  for (const model of models) schemas[model.name] = renderSchema('openapi', model);
  const document: JsonObject = {
    openapi: '3.0.3',
    info: contractInfo(rng, api, apiName),
    servers: [
      { url: `https://api.example.com/${api.id}/v1`, description: 'Production' },
      { url: `https://sandbox.api.example.com/${api.id}/v1`, description: 'Sandbox' },
    ],
    tags: api.entities.map((e) => ({ name: toPascal(e), description: paragraph(rng, e, 1) })),
    security: [{ oauth2: [`${api.id}:read`] }],
    paths,
    components: {
      schemas,
      parameters: SHARED_PARAMETERS,
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'OAuth 2.0 client credentials.',
          flows: {
            clientCredentials: {
              tokenUrl: 'https://auth.example.com/oauth2/token',
              scopes: { [`${api.id}:read`]: 'Read access', [`${api.id}:write`]: 'Write access' },
            },
          },
        },
      },
    },
  };
  return { fileName: 'openapi.yaml', document, files: exampleFiles(byName, api.entities, api.index) };
}
