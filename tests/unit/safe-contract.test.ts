import { describe, expect, it } from 'vitest';
import { sanitiseContract } from '../../src/publish/safe-contract.ts';

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

describe('AsyncAPI message examples in a sanitised document', () => {
  const hostileExample = { name: 'ana <img src=x onerror=alert(1)>', summary: script, headers: { trace: '<b>kept</b>' }, payload: data };
  const safeExample = { name: 'ana ', summary: safe, headers: { trace: '<b>kept</b>' }, payload: data };
  const customer = { type: 'object', properties: { name: { type: 'string' } }, examples: [{ name: '<i>kept</i>' }, data, '<i>kept</i>'] };

  it('have their name and summary made safe text and their headers and payload kept as written, in AsyncAPI 2.6', () => {
    const asyncapi26 = {
      asyncapi: '2.6.0',
      info: { title: 'Events', version: '1' },
      channels: { created: { subscribe: { message: { payload: customer, examples: [hostileExample], traits: [{ examples: [hostileExample] }] } } } },
      components: { messageTraits: { common: { examples: [hostileExample] } } },
    };
    const sanitised = sanitiseContract(asyncapi26) as typeof asyncapi26;
    const { message } = sanitised.channels.created.subscribe;
    expect(message.examples).toEqual([safeExample]);
    expect(message.traits[0]!.examples).toEqual([safeExample]);
    expect(sanitised.components.messageTraits.common.examples).toEqual([safeExample]);
    expect(message.payload.examples).toBe(customer.examples);
  });

  it('have their name and summary made safe text and their headers and payload kept as written, in AsyncAPI 3.0', () => {
    const asyncapi30 = {
      asyncapi: '3.0.0',
      info: { title: 'Events', version: '1' },
      components: { messages: { created: { payload: customer, examples: [hostileExample] } }, schemas: { Customer: customer } },
    };
    const sanitised = sanitiseContract(asyncapi30) as typeof asyncapi30;
    expect(sanitised.components.messages.created.examples).toEqual([safeExample]);
    expect(sanitised.components.messages.created.payload.examples).toBe(customer.examples);
    expect(sanitised.components.schemas.Customer).toBe(customer);
  });

  it('are values in an OpenAPI document, where an `examples` array is a schema’s', () => {
    const openapi31 = { openapi: '3.1.0', info: { title: 'Customers', version: '1' }, components: { schemas: { Example: { examples: [hostileExample] } } } };
    expect(sanitiseContract(openapi31)).toBe(openapi31);
  });
});

describe('links in a sanitised document', () => {
  it('are left out wherever they have a refused scheme: AsyncAPI 3 component external docs, bindings, external example values', () => {
    const asyncapi30 = {
      asyncapi: '3.0.0',
      info: { title: 'Events', version: '1', tags: [{ name: 'customer', externalDocs: { $ref: '#/components/externalDocs/guide' } }] },
      servers: { kafka: { host: 'broker.example:9092', protocol: 'kafka', bindings: { kafka: { schemaRegistryUrl: 'javascript:alert(1)' } } } },
      components: {
        externalDocs: { guide: { description: script, url: 'javascript:alert(2)' }, site: { url: 'https://docs.example/guide' } },
        tags: { customer: { name: 'customer', externalDocs: { url: 'data:text/html,x' } } },
        securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'vbscript:x', availableScopes: { 'customer:read': script } } } } },
      },
    };
    const sanitised = sanitiseContract(asyncapi30) as typeof asyncapi30;
    expectNoHostileText(sanitised);
    expect(sanitised.components.externalDocs).toEqual({ guide: { description: safe }, site: { url: 'https://docs.example/guide' } });
    expect(sanitised.components.tags.customer.externalDocs).toEqual({});
    expect(sanitised.servers.kafka.bindings.kafka).toEqual({});
    expect(sanitised.components.securitySchemes.oauth.flows.clientCredentials).toEqual({ availableScopes: { 'customer:read': safe } });
    expect(sanitised.info.tags).toBe(asyncapi30.info.tags);
  });

  it('keep relative, http(s) and mailto URLs, and leave an OpenAPI example’s external value of another scheme out', () => {
    const openapi30 = {
      openapi: '3.0.3',
      info: { title: 'Customers', version: '1', contact: { url: 'mailto:team@example.com' }, license: { name: 'Own', url: '/licence' } },
      components: { examples: { remote: { externalValue: 'javascript:alert(1)' }, local: { externalValue: 'examples/customer.json' } } },
    };
    const sanitised = sanitiseContract(openapi30) as typeof openapi30;
    expect(sanitised.info).toBe(openapi30.info);
    expect(sanitised.components.examples).toEqual({ remote: {}, local: { externalValue: 'examples/customer.json' } });
  });
});

describe('servers in a sanitised document', () => {
  const broken = 'https://x.example/"; script-src *';

  it('are left out of OpenAPI 3 when their URL may not be published, at the root, on paths, operations and links', () => {
    const openapi30 = {
      openapi: '3.0.3',
      info: { title: 'Customers', version: '1' },
      servers: [
        { url: 'https://api.example/v1', description: script },
        { url: broken },
        { url: 'javascript:alert(1)' },
        { url: 'https://{region}.api.example', variables: { region: { default: 'eu', enum: ['eu', 'us;'], description: script } } },
        { url: '/v1' },
        { url: 'wss://stream.example' },
      ],
      paths: {
        '/customers': {
          servers: [{ url: 'data:text/html,x' }],
          get: {
            servers: [{ url: broken }, { url: 'https://eu.api.example' }],
            responses: { '200': { description: 'OK', links: { next: { operationId: 'x', server: { url: 'vbscript:x' } } } } },
          },
        },
      },
    };
    const sanitised = sanitiseContract(openapi30) as typeof openapi30;
    expect(sanitised.servers).toEqual([{ url: 'https://api.example/v1', description: safe }, { url: '/v1' }, { url: 'wss://stream.example' }]);
    expect(sanitised.paths['/customers'].servers).toEqual([]);
    expect(sanitised.paths['/customers'].get.servers).toEqual([{ url: 'https://eu.api.example' }]);
    expect(sanitised.paths['/customers'].get.responses['200'].links.next).toEqual({ operationId: 'x' });
  });

  it('lose their host and base path in Swagger 2.0 when they make a URL that may not be published', () => {
    const swagger = { swagger: '2.0', info: { title: 'Billing', version: '1' }, host: 'x.example";a', basePath: '/v1', schemes: ['https'], paths: {} };
    expect(sanitiseContract(swagger)).toEqual({ swagger: '2.0', info: { title: 'Billing', version: '1' }, schemes: ['https'], paths: {} });
    const plain = { ...swagger, host: 'billing.example:8443' };
    expect(sanitiseContract(plain)).toBe(plain);
  });

  it('are left out of AsyncAPI 2.6 with the channels’ names of them, messaging URLs kept', () => {
    const asyncapi26 = {
      asyncapi: '2.6.0',
      info: { title: 'Events', version: '1' },
      servers: {
        kafka: { url: 'broker.example:9092', protocol: 'kafka' },
        mqtt: { url: 'mqtt://broker.example', protocol: 'mqtt' },
        broken: { url: broken, protocol: 'https' },
        script: { url: 'javascript:1/alert(1)', protocol: 'kafka' },
        templated: { url: '{host}:9092', protocol: 'kafka', variables: { host: { default: 'a.example', enum: ['a.example', 'b.example"'] } } },
      },
      channels: { created: { servers: ['kafka', 'broken', 'script', 'templated', 'mqtt'] } },
    };
    const sanitised = sanitiseContract(asyncapi26) as typeof asyncapi26;
    expect(Object.keys(sanitised.servers)).toEqual(['kafka', 'mqtt']);
    expect(sanitised.servers.kafka).toBe(asyncapi26.servers.kafka);
    expect(sanitised.channels.created.servers).toEqual(['kafka', 'mqtt']);
  });

  it('are left out of AsyncAPI 3.0 with the references to them, component servers and servers referring to them included', () => {
    const asyncapi30 = {
      asyncapi: '3.0.0',
      info: { title: 'Events', version: '1' },
      servers: {
        kafka: { host: 'broker.example:9092', protocol: 'kafka', pathname: '/events', description: script },
        broken: { host: 'x.example"; script-src *', protocol: 'https' },
        script: { host: 'alert(1)', protocol: 'javascript' },
        'refers/data': { $ref: '#/components/servers/data' },
        refers: { $ref: '#/components/servers/ws' },
      },
      channels: {
        created: {
          servers: [
            { $ref: '#/servers/kafka' },
            { $ref: '#/servers/broken' },
            { $ref: '#/servers/script' },
            { $ref: '#/servers/refers~1data' },
            { $ref: '#/servers/refers' },
          ],
        },
      },
      components: { servers: { data: { host: 'text/html,x', protocol: 'data' }, ws: { host: 'stream.example', protocol: 'wss' } } },
    };
    const sanitised = sanitiseContract(asyncapi30) as typeof asyncapi30;
    expect(sanitised.servers).toEqual({ kafka: { ...asyncapi30.servers.kafka, description: safe }, refers: { $ref: '#/components/servers/ws' } });
    expect(sanitised.channels.created.servers).toEqual([{ $ref: '#/servers/kafka' }, { $ref: '#/servers/refers' }]);
    expect(sanitised.components.servers).toEqual({ ws: { host: 'stream.example', protocol: 'wss' } });
  });
});
