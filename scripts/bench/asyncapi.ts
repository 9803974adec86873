import type { JsonObject } from './json.ts';
import type { GeneratedContract } from './openapi.ts';
import type { ApiPlan } from './plan.ts';
import { contractInfo } from './info.ts';
import { createRng, type Rng } from './prng.ts';
import { entitySchemas, keepReachable, renderSchema, sampleOf, sharedSchemas, type SchemaModel } from './schemas.ts';
import { paragraph, toCamel, toPascal, toTitle, withArticle } from './text.ts';

const EVENTS = ['created', 'updated', 'deleted', 'status-changed', 'attribute-changed'] as const;

/** The envelope, status-change and header schemas that wrap an entity in its events. */
function eventSchemas(entity: string): SchemaModel[] {
  const name = toPascal(entity);
  const title = toTitle(entity).toLowerCase();
  return [
    {
      name: `${name}Event`,
      description: `An event about ${withArticle(title)}.`,
      fields: [
        { name: 'eventId', kind: 'string', description: 'Unique identifier of the event.', required: true },
        { name: 'eventTime', kind: 'date-time', description: 'When the event happened.', required: true },
        { name: 'source', kind: 'uri', description: 'System that emitted the event.' },
        { name: 'correlationId', kind: 'string', description: 'Identifier shared by the events of one business transaction.' },
        { name: 'resource', kind: 'ref', description: `The ${title} after the change.`, ref: name, required: true },
      ],
    },
    {
      name: `${name}StatusChange`,
      description: `${toTitle(withArticle(title))} moved to another status.`,
      fields: [
        { name: 'id', kind: 'string', description: `Identifier of the ${title}.`, required: true },
        {
          name: 'previousStatus',
          kind: 'enum',
          description: 'Status before the change.',
          values: ['initialised', 'active', 'suspended', 'terminated'],
          required: true,
        },
        { name: 'status', kind: 'enum', description: 'Status after the change.', values: ['initialised', 'active', 'suspended', 'terminated'], required: true },
        { name: 'changedAt', kind: 'date-time', description: 'When the status changed.', required: true },
        { name: 'reason', kind: 'string', description: 'Why the status changed.' },
      ],
    },
  ];
}

const HEADERS: SchemaModel = {
  name: 'EventHeaders',
  description: 'Headers on every message.',
  fields: [
    { name: 'traceparent', kind: 'string', description: 'W3C trace context.' },
    { name: 'schemaVersion', kind: 'enum', description: 'Version of the payload schema.', values: ['1.0', '1.1'], required: true },
  ],
};

/** One channel, its operation and its message, for one event of one entity. */
function eventChannel(
  rng: Rng,
  models: ReadonlyMap<string, SchemaModel>,
  entity: string,
  event: (typeof EVENTS)[number],
  seed: number,
): { channel: string; item: JsonObject; messageName: string; message: JsonObject } {
  const name = toPascal(entity);
  const title = toTitle(entity).toLowerCase();
  const messageName = `${name}${toPascal(event)}`;
  const messageId = toCamel(`${entity}-${event}`);
  const payload = event === 'status-changed' ? `${name}StatusChange` : `${name}Event`;
  const operation = {
    operationId: `${event === 'attribute-changed' ? 'receive' : 'on'}${messageName}`,
    summary: `${toTitle(entity)} ${event.replace('-', ' ')}`,
    description: paragraph(rng, entity, 3),
    message: { $ref: `#/components/messages/${messageName}` },
  };
  return {
    channel: `acme.${entity}.${event}.v1`,
    item: { description: `Every ${title} that is ${event.replace('-', ' ')}.`, [event === 'attribute-changed' ? 'publish' : 'subscribe']: operation },
    messageName,
    message: {
      messageId,
      name: messageName,
      title: `${toTitle(entity)} ${event.replace('-', ' ')}`,
      summary: `Sent when ${withArticle(title)} is ${event.replace('-', ' ')}.`,
      description: paragraph(rng, entity, 3),
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: { $ref: `#/components/schemas/${payload}` },
      examples: [
        {
          name: `${messageId}Example`,
          summary: `${toTitle(withArticle(title))} ${event.replace('-', ' ')}`,
          headers: { schemaVersion: '1.0' },
          payload: sampleOf(models, payload, seed),
        },
      ],
    },
  };
}

/** Builds an AsyncAPI 2.6.0 contract with 15 channels and messages and about 20 schemas for an API. */
export function buildAsyncApi(api: ApiPlan, apiName: string): GeneratedContract {
  const rng = createRng(`asyncapi-${api.id}`);
  const events = api.entities.flatMap((e) => eventSchemas(e));
  const entities = api.entities.map((e) => entitySchemas(rng, e, false)[0] as SchemaModel);
  const models = keepReachable([...sharedSchemas(), HEADERS, ...entities, ...events], [HEADERS.name, ...events.map((m) => m.name)]);
  const byName = new Map(models.map((m) => [m.name, m]));
  const channels: JsonObject = {};
  const messages: JsonObject = {};
  api.entities.forEach((entity, i) =>
    EVENTS.forEach((event, j) => {
      const built = eventChannel(rng, byName, entity, event, api.index + i * 10 + j);
      channels[built.channel] = built.item;
      messages[built.messageName] = built.message;
    }),
  );
  const schemas: JsonObject = {};
  for (const model of models) schemas[model.name] = renderSchema('asyncapi', model);
  const document: JsonObject = {
    asyncapi: '2.6.0',
    id: `urn:example:acme:${api.id}`,
    info: contractInfo(rng, api, apiName),
    servers: {
      production: { url: 'kafka.example.com:9092', protocol: 'kafka', description: 'Production cluster' },
      sandbox: { url: 'kafka.sandbox.example.com:9092', protocol: 'kafka', description: 'Sandbox cluster' },
    },
    defaultContentType: 'application/json',
    tags: api.entities.map((e) => ({ name: toPascal(e), description: paragraph(rng, e, 1) })),
    channels,
    components: { schemas, messages },
  };
  return { fileName: 'asyncapi.yaml', document, files: [] };
}
