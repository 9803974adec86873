import { stringify } from 'yaml';

/** What a starter contract is made from. */
export interface StarterInput {
  id: string;
  name: string;
  summary: string;
}

/** The operationId (OpenAPI) or message id (AsyncAPI) of a starter contract. */
export function starterOperation(format: 'openapi' | 'asyncapi', id: string): string {
  const words = id
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return format === 'openapi' ? `get${words.join('')}Status` : `${words[0]!.toLowerCase()}${words.slice(1).join('')}Changed`;
}

/** An OpenAPI 3.1 contract with one operation answering 200 or 404. */
export function openApiStarter({ id, name, summary }: StarterInput): string {
  const problem = { type: 'object', required: ['title', 'status'], properties: { title: { type: 'string' }, status: { type: 'integer' } } };
  return stringify({
    openapi: '3.1.0',
    info: { title: name, version: '0.1.0', description: summary },
    paths: {
      '/items/{id}': {
        get: {
          operationId: starterOperation('openapi', id),
          summary: 'Read one item',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
            '404': { description: 'No such item', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
        Problem: problem,
      },
    },
  });
}

/** An AsyncAPI 3.0 contract with one channel, one message and the operation that sends it. */
export function asyncApiStarter({ id, name, summary }: StarterInput): string {
  const message = starterOperation('asyncapi', id);
  return stringify({
    asyncapi: '3.0.0',
    info: { title: name, version: '0.1.0', description: summary },
    defaultContentType: 'application/json',
    channels: { [message]: { address: `${id}.changed`, messages: { [message]: { $ref: `#/components/messages/${message}` } } } },
    operations: { [`publish${message[0]!.toUpperCase()}${message.slice(1)}`]: { action: 'send', channel: { $ref: `#/channels/${message}` } } },
    components: {
      messages: {
        [message]: {
          payload: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, changedAt: { type: 'string', format: 'date-time' } } },
        },
      },
    },
  });
}

/** The example files of a starter contract, by path under the API folder: an OK and a KO (OpenAPI), one message (AsyncAPI). */
export function starterExamples(format: 'openapi' | 'asyncapi', id: string): Record<string, string> {
  const target = starterOperation(format, id);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  if (format === 'asyncapi') {
    return { [`examples/${target}/first.json`]: json({ summary: 'An item changed', payload: { id: 'item-1', changedAt: '2026-01-15T09:30:00Z' } }) };
  }
  return {
    [`examples/${target}/200.json`]: json({
      summary: 'An item',
      request: { params: { id: 'item-1' } },
      response: { body: { id: 'item-1', name: 'First item' } },
    }),
    [`examples/${target}/404.unknown-id.json`]: json({
      summary: 'Unknown item',
      request: { params: { id: 'item-0' } },
      response: { body: { title: 'Item not found', status: 404 } },
    }),
  };
}
