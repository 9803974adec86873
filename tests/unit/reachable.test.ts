import { describe, expect, it } from 'vitest';
import { stripInternal } from '../../src/audience/filter.ts';
import { withoutInternalTraces } from '../../src/audience/internal-traces.ts';

type Json = Record<string, any>;
const published = (document: Json) => withoutInternalTraces(document, stripInternal(document)) as Json;

describe('the servers of an AsyncAPI 3 contract', () => {
  const document = (channel: Json) => ({
    asyncapi: '3.0.0',
    info: { title: 'T', version: '1' },
    servers: {
      main: { host: 'a.example', protocol: 'kafka', security: [{ $ref: '#/components/securitySchemes/mainKey' }] },
      replay: { host: 'b.example', protocol: 'kafka', security: [{ $ref: '#/components/securitySchemes/replayCert' }] },
    },
    channels: {
      open: { address: 'open', ...channel },
      hidden: { address: 'hidden', servers: [{ $ref: '#/servers/replay' }] },
    },
    operations: {
      visible: { action: 'send', channel: { $ref: '#/channels/open' } },
      secret: { action: 'send', 'x-internal': true, channel: { $ref: '#/channels/hidden' } },
    },
    components: { securitySchemes: { mainKey: { type: 'userPassword' }, replayCert: { type: 'X509' } } },
  });

  it('are all kept by a visible channel that names none', () => {
    const kept = published(document({}));
    expect(Object.keys(kept.servers)).toEqual(['main', 'replay']);
    expect(Object.keys(kept.components.securitySchemes)).toEqual(['mainKey', 'replayCert']);
    expect(Object.keys(kept.channels)).toEqual(['open']);
  });

  it('lose the one only hidden channels name, with the security scheme only it uses', () => {
    const kept = published(document({ servers: [{ $ref: '#/servers/main' }] }));
    expect(Object.keys(kept.servers)).toEqual(['main']);
    expect(Object.keys(kept.components.securitySchemes)).toEqual(['mainKey']);
    expect(Object.keys(kept.operations)).toEqual(['visible']);
  });

  it('keep an operation only while its channel is there: one on an x-internal channel goes', () => {
    const source: Json = document({});
    source['channels'].open['x-internal'] = true;
    const kept = published(source);
    expect(kept.operations).toEqual({});
    expect(kept.channels).toEqual({});
  });
});

describe('the security schemes of an OpenAPI contract', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    security: [{ rootKey: [] }],
    paths: {
      '/a': { get: { security: [{ visibleKey: [] }], responses: { '200': { description: 'ok' } } } },
      '/b': { get: { 'x-internal': true, security: [{ hiddenKey: [] }], responses: { '200': { description: 'ok' } } } },
    },
    components: {
      securitySchemes: {
        rootKey: { type: 'http', scheme: 'bearer' },
        visibleKey: { type: 'http', scheme: 'basic' },
        hiddenKey: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Ring: { properties: { next: { $ref: '#/components/schemas/Link' } } }, Link: { properties: { back: { $ref: '#/components/schemas/Ring' } } } },
    },
  };

  it('keep those the root security or a visible operation names, and one nothing ever named; lose those only hidden operations name', () => {
    const source = structuredClone(document);
    (source.components.securitySchemes as Json)['neverNamed'] = { type: 'apiKey', name: 'k', in: 'header' };
    expect(Object.keys(published(source).components.securitySchemes)).toEqual(['rootKey', 'visibleKey', 'neverNamed']);
  });

  it('lose a cycle of schemas that only a hidden operation reaches', () => {
    const source: Json = structuredClone(document);
    source['paths']['/b'].get.responses['200'].content = { 'application/json': { schema: { $ref: '#/components/schemas/Ring' } } };
    expect(Object.keys(published(source).components.schemas)).toEqual([]);
    // Not used by anything in the original: they stay.
    expect(Object.keys(published(document).components.schemas)).toEqual(['Ring', 'Link']);
  });
});

describe('the servers of an AsyncAPI 2 contract', () => {
  it('lose the x-internal one, and its name from the channels that named it', () => {
    const kept = published({
      asyncapi: '2.6.0',
      info: { title: 'T', version: '1' },
      servers: { main: { url: 'a.example', protocol: 'kafka' }, shadowBroker: { url: 'b.example', protocol: 'kafka', 'x-internal': true } },
      channels: { orders: { servers: ['main', 'shadowBroker'], subscribe: { message: { payload: { type: 'string' } } } } },
    });
    expect(Object.keys(kept.servers)).toEqual(['main']);
    expect(kept.channels.orders.servers).toEqual(['main']);
  });
});
