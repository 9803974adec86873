import { describe, expect, it } from 'vitest';
import { ApiSchema } from '../../src/catalog/schema/api.ts';
import { findRefusedServers, isPublishableServer, isPublishableServerUrl, whyRefused } from '../../src/catalog/server-urls.ts';

describe('a server URL the portal may publish', () => {
  it('is relative, or of a web or messaging scheme, whatever its case', () => {
    for (const url of [
      'https://api.example/v1',
      'HTTP://api.example',
      'wss://stream.example',
      'kafka://broker:9092',
      'secure-mqtt://b.example',
      '/v1',
      '{scheme}://{host}/v1',
    ])
      expect(isPublishableServerUrl(url), url).toBe(true);
  });

  it('has no other scheme, and no character that could end an attribute, a header or a directive', () => {
    expect(whyRefused('javascript:alert(1)')).toBe('its scheme "javascript:" is not a web or messaging protocol');
    expect(whyRefused('data:text/html,x')).toBe('its scheme "data:" is not a web or messaging protocol');
    expect(whyRefused('https://x.example/"; script-src *')).toBe('it holds the character "\\""');
    for (const url of [
      '',
      ' ',
      'https://a b.example',
      "https://x.example/'",
      'https://x.example/<b>',
      'https://x.example;a',
      'https://a,b.example',
      'https://x\\y',
      'https://x.example/\u0000',
      'https://x.example/\u00a0',
    ])
      expect(isPublishableServerUrl(url), JSON.stringify(url)).toBe(false);
  });
});

describe('a server object the portal may publish', () => {
  it('is judged with each value of each variable, the others at their default', () => {
    const server = (values: string[]) => ({
      url: 'https://{region}.{zone}.example',
      variables: { region: { default: 'eu', enum: values }, zone: { default: 'a' } },
    });
    expect(isPublishableServer(server(['eu', 'us']))).toBe(true);
    expect(isPublishableServer(server(['eu', 'us" a']))).toBe(false);
    expect(isPublishableServer({ url: 'https://{host}/', variables: { host: { default: 'x;y' } } })).toBe(false);
  });

  it('reads AsyncAPI 2’s host and port with its protocol, and AsyncAPI 3’s parts', () => {
    expect(isPublishableServer({ url: 'broker.example:9092', protocol: 'kafka' })).toBe(true);
    expect(isPublishableServer({ url: 'localhost', protocol: 'mqtt' })).toBe(true);
    expect(isPublishableServer({ url: 'javascript:1/alert(1)', protocol: 'kafka' })).toBe(false);
    expect(isPublishableServer({ url: 'broker.example:9092', protocol: 'javascript' })).toBe(false);
    expect(isPublishableServer({ host: 'broker.example:9092', protocol: 'kafka', pathname: '/events' })).toBe(true);
    expect(isPublishableServer({ host: 'broker.example', protocol: 'data' })).toBe(false);
    expect(isPublishableServer({ host: 'broker.example', protocol: 'https', pathname: '/a b' })).toBe(false);
    expect(isPublishableServer({ $ref: '#/components/servers/anything' })).toBe(true);
  });
});

describe('the refused servers of a contract as written', () => {
  it('are found in OpenAPI 3 at the root, on paths and operations, each at its url', () => {
    const openapi = {
      openapi: '3.0.3',
      servers: [{ url: 'https://api.example' }, { url: 'javascript:x' }],
      paths: { '/a': { servers: [{ url: 'data:x' }], get: { servers: [{ url: 'https://ok.example' }, { url: 'https://x.example;' }] } } },
    };
    expect(findRefusedServers(openapi)).toEqual([
      { path: ['servers', 1, 'url'], url: 'javascript:x' },
      { path: ['paths', '/a', 'servers', 0, 'url'], url: 'data:x' },
      { path: ['paths', '/a', 'get', 'servers', 1, 'url'], url: 'https://x.example;' },
    ]);
  });

  it('are found in Swagger 2.0 at its host, and in AsyncAPI among the servers and component servers', () => {
    expect(findRefusedServers({ swagger: '2.0', host: 'x.example"', basePath: '/v1', schemes: ['http', 'https'] })).toEqual([
      { path: ['host'], url: 'http://x.example"/v1' },
    ]);
    expect(findRefusedServers({ swagger: '2.0', host: 'x.example', basePath: '/v1' })).toEqual([]);
    const asyncapi = {
      asyncapi: '3.0.0',
      servers: { ok: { host: 'b.example', protocol: 'kafka' }, bad: { host: 'b.example', protocol: 'javascript' }, ref: { $ref: '#/components/servers/bad' } },
      components: { servers: { bad: { host: 'b"', protocol: 'kafka' } } },
    };
    expect(findRefusedServers(asyncapi)).toEqual([
      { path: ['servers', 'bad'], url: 'javascript://b.example' },
      { path: ['components', 'servers', 'bad'], url: 'kafka://b"' },
    ]);
  });
});

describe('an environment of api.yaml', () => {
  it('is a schema error when its URL holds a character that could break out of an attribute or a policy', () => {
    const url = ApiSchema.shape.environments.unwrap().element.shape.url;
    expect(url.safeParse('https://sandbox.example/v1').success).toBe(true);
    expect(url.safeParse('https://x.example/"; script-src *').error?.issues.map((issue) => issue.message)).toEqual([
      'a server URL may not hold spaces, quotes, semicolons, commas or angle brackets',
    ]);
    expect(url.safeParse('javascript:alert(1)').success).toBe(false);
  });
});
