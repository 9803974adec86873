import { describe, expect, it } from 'vitest';
import { sanitiseContract } from '../../src/site/safe-contract.ts';

const script = 'Reads <script>alert(1)</script>a [customer](javascript:alert(2)).';
const safe = 'Reads alert(1)a customer.';
const data = { description: '<b>Nice</b> phone', name: '<script>x</script>' };

/** Every value under `key` anywhere in `value`, with its JSON path. */
function valuesOf(value: unknown, key: string, at = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => valuesOf(item, key, `${at}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === key ? [[`${at}.${k}`, v] as [string, unknown]] : []), ...valuesOf(v, key, `${at}.${k}`)]);
}

function expectNoHostileText(document: unknown): void {
  const json = JSON.stringify(document);
  for (const [path, text] of [...valuesOf(document, 'description'), ...valuesOf(document, 'summary')]) {
    if (typeof text === 'string' && !path.includes('.example') && !path.includes('.default')) {
      expect(text, path).not.toMatch(/<|javascript:|data:|vbscript:/i);
    }
  }
  expect(json).not.toMatch(/"(termsOfService|url|authorizationUrl|tokenUrl|refreshUrl|openIdConnectUrl)":"(javascript|data|vbscript):/i);
}

const openapi30 = {
  openapi: '3.0.3',
  info: {
    title: 'Customer API',
    version: '1.0.0',
    description: script,
    termsOfService: 'javascript:alert(3)',
    contact: { name: 'Team', url: 'javascript:alert(4)', email: 'team@example.com' },
    license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
  },
  externalDocs: { description: script, url: 'vbscript:msgbox(1)' },
  tags: [{ name: 'customer', description: script }],
  paths: {
    '/customers/{id}': {
      summary: script,
      get: {
        operationId: 'getCustomer',
        summary: '<img src=x onerror=alert(5)>Read a customer',
        description: script,
        parameters: [{ name: 'id', in: 'path', required: true, description: script, schema: { type: 'string' }, example: '<script>kept</script>' }],
        responses: {
          '200': {
            description: script,
            headers: { 'X-Rate': { description: script, schema: { type: 'integer' } } },
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Customer' },
                example: data,
                examples: { phone: { summary: script, description: script, value: data } },
              },
            },
          },
          default: { description: script },
        },
      },
    },
  },
  components: {
    schemas: {
      Customer: {
        type: 'object',
        description: script,
        properties: {
          name: { type: 'string', description: script, default: '<i>kept</i>', enum: ['<i>kept</i>'] },
          value: { type: 'number', description: script },
          example: { type: 'string', description: script },
          description: { type: 'string', description: script },
        },
      },
    },
    securitySchemes: {
      oauth: {
        type: 'oauth2',
        description: script,
        flows: { authorizationCode: { authorizationUrl: 'javascript:alert(6)', tokenUrl: 'https://auth.example/token', scopes: { read: script } } },
      },
    },
  },
};

describe('a sanitised OpenAPI 3.0 document', () => {
  const sanitised = sanitiseContract(structuredClone(openapi30)) as typeof openapi30;

  it('has every description and summary made safe Markdown, names that look like keywords included', () => {
    expectNoHostileText(sanitised);
    expect(sanitised.info.description).toBe(safe);
    expect(sanitised.paths['/customers/{id}'].get.summary).toBe('Read a customer');
    expect(sanitised.paths['/customers/{id}'].get.parameters[0]!.description).toBe(safe);
    expect(sanitised.paths['/customers/{id}'].get.responses.default.description).toBe(safe);
    expect(sanitised.components.schemas.Customer.properties.value.description).toBe(safe);
    expect(sanitised.components.schemas.Customer.properties.example.description).toBe(safe);
    expect(sanitised.components.schemas.Customer.properties.description.description).toBe(safe);
    expect(sanitised.components.securitySchemes.oauth.flows.authorizationCode.scopes.read).toBe(safe);
    expect(sanitised.paths['/customers/{id}'].get.responses['200'].content['application/json'].examples.phone.summary).toBe(safe);
  });

  it('leaves out link fields with a refused scheme and keeps the others', () => {
    expect(sanitised.info).not.toHaveProperty('termsOfService');
    expect(sanitised.info.contact).toEqual({ name: 'Team', email: 'team@example.com' });
    expect(sanitised.info.license.url).toBe('https://opensource.org/license/mit');
    expect(sanitised.externalDocs).toEqual({ description: safe });
    expect(sanitised.components.securitySchemes.oauth.flows.authorizationCode).toEqual({ tokenUrl: 'https://auth.example/token', scopes: { read: safe } });
  });

  it('publishes example and default values as written', () => {
    const media = sanitised.paths['/customers/{id}'].get.responses['200'].content['application/json'];
    expect(media.example).toEqual(data);
    expect(media.examples.phone.value).toEqual(data);
    expect(sanitised.paths['/customers/{id}'].get.parameters[0]!.example).toBe('<script>kept</script>');
    expect(sanitised.components.schemas.Customer.properties.name.default).toBe('<i>kept</i>');
    expect(sanitised.components.schemas.Customer.properties.name.enum).toEqual(['<i>kept</i>']);
  });

  it('changes nothing of the document it is given, and gives back a safe one unchanged', () => {
    expect(openapi30.info.description).toBe(script);
    const document = structuredClone(openapi30);
    sanitiseContract(document);
    expect(document).toEqual(openapi30);
    expect(sanitiseContract(sanitised)).toBe(sanitised);
  });
});

describe('a sanitised Swagger 2.0 document', () => {
  const swagger = {
    swagger: '2.0',
    info: { title: 'Billing', version: '1', description: script },
    paths: {
      '/bills': {
        get: {
          summary: script,
          parameters: [{ name: 'q', in: 'query', type: 'string', description: script }],
          responses: { '200': { description: script, schema: { $ref: '#/definitions/Bill' }, examples: { 'application/json': data } } },
        },
      },
    },
    definitions: { Bill: { type: 'object', description: script, properties: { default: { type: 'string', description: script } }, example: data } },
    securityDefinitions: { oauth: { type: 'oauth2', flow: 'implicit', authorizationUrl: 'data:text/html,x', scopes: { read: script } } },
  };
  const sanitised = sanitiseContract(swagger) as typeof swagger;

  it('has every description and summary made safe Markdown', () => {
    expectNoHostileText(sanitised);
    expect(sanitised.definitions.Bill.properties.default.description).toBe(safe);
    expect(sanitised.securityDefinitions.oauth.scopes.read).toBe(safe);
    expect(sanitised.securityDefinitions.oauth).not.toHaveProperty('authorizationUrl');
  });

  it('publishes the response examples, a map of media types to values, as written', () => {
    expect(sanitised.paths['/bills'].get.responses['200'].examples).toEqual({ 'application/json': data });
    expect(sanitised.definitions.Bill.example).toEqual(data);
  });
});

describe('a sanitised AsyncAPI document', () => {
  const message = {
    summary: script,
    description: script,
    headers: { type: 'object', properties: { traceId: { type: 'string', description: script } } },
    payload: { type: 'object', description: script, properties: { id: { type: 'string', description: script } } },
    examples: [{ name: 'created', summary: 'A customer', payload: data }],
  };

  it('has every description and summary made safe Markdown in AsyncAPI 2.6, examples as written', () => {
    const asyncapi26 = {
      asyncapi: '2.6.0',
      info: { title: 'Events', version: '1', description: script },
      servers: { broker: { url: 'mqtt://broker.example', protocol: 'mqtt', description: script } },
      channels: { 'customer/created': { description: script, subscribe: { summary: script, message } } },
    };
    const sanitised = sanitiseContract(asyncapi26) as typeof asyncapi26;
    expectNoHostileText(sanitised);
    expect(sanitised.servers.broker.url).toBe('mqtt://broker.example');
    expect(sanitised.channels['customer/created'].subscribe.message.payload.properties.id.description).toBe(safe);
    expect(sanitised.channels['customer/created'].subscribe.message.examples).toEqual(message.examples);
  });

  it('has every description and summary made safe Markdown in AsyncAPI 3.0', () => {
    const asyncapi30 = {
      asyncapi: '3.0.0',
      info: { title: 'Events', version: '1', description: script, externalDocs: { url: 'javascript:alert(1)' } },
      channels: { created: { address: 'customer.created', description: script, messages: { created: { $ref: '#/components/messages/created' } } } },
      operations: { publish: { action: 'send', summary: script, description: script, channel: { $ref: '#/channels/created' } } },
      components: { messages: { created: message } },
    };
    const sanitised = sanitiseContract(asyncapi30) as typeof asyncapi30;
    expectNoHostileText(sanitised);
    expect(sanitised.operations.publish.description).toBe(safe);
    expect(sanitised.components.messages.created.headers.properties.traceId.description).toBe(safe);
    expect(sanitised.info.externalDocs).toEqual({});
  });
});
