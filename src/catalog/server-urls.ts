import { isRecord } from './is-record.ts';
import type { PathSegment } from './read-yaml.ts';

/**
 * The schemes a published server URL may have: the web's, and the protocols AsyncAPI's bindings
 * name. A server reaches the try-it console, the pages and the Content-Security-Policy, so any
 * other scheme (javascript:, data:, file:…) is refused.
 */
const serverSchemes = new Set([
  ...['http', 'https', 'ws', 'wss', 'amqp', 'amqps', 'anypointmq', 'googlepubsub', 'ibmmq', 'jms', 'kafka', 'kafka-secure', 'mercure'],
  ...['mqtt', 'mqtts', 'mqtt5', 'secure-mqtt', 'nats', 'pulsar', 'redis', 'sns', 'solace', 'sqs', 'stomp', 'stomps'],
]);

/** Schemes a browser runs or reads locally rather than fetches: never taken for a host. */
const browserScheme = /^[\s\p{Cc}]*(?:javascript|data|vbscript|file|blob|filesystem|about):/iu;

/** Characters no server URL needs as written, and that could end an attribute, a header or one of its directives. */
const unsafeCharacter = /[\s\p{Cc}"'`<>\\;,]/u;

/** Whether a server URL may be published: a relative path, or a URL of an allowed scheme, with no unsafe character. */
export function isPublishableServerUrl(url: string): boolean {
  return whyRefused(url) === undefined;
}

/** Why a server URL may not be published, in words for a contributor; undefined when it may. */
export function whyRefused(url: string): string | undefined {
  if (url.trim() === '') return 'it is empty';
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
  if (scheme !== undefined && !serverSchemes.has(scheme.toLowerCase())) return `its scheme "${scheme}:" is not a web or messaging protocol`;
  const character = unsafeCharacter.exec(url)?.[0];
  return character === undefined ? undefined : `it holds the character ${JSON.stringify(character)}`;
}

/**
 * Whether a server object (OpenAPI 3, AsyncAPI 2 or 3) may be published. Anything that is not a
 * server object (a `$ref`) is left to where it points.
 */
export function isPublishableServer(server: unknown): boolean {
  return refusedUrlOf(server) === undefined;
}

/** The first URL of a server that is not publishable: with each value of each variable in turn, the others at their default. */
function refusedUrlOf(server: unknown): string | undefined {
  const url = serverUrlOf(server);
  if (url === undefined) return undefined;
  const written = (server as Record<string, unknown>)['variables'];
  const variables = isRecord(written) ? written : {};
  const defaults = Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, isRecord(variable) ? variable['default'] : undefined]));
  const choices = Object.entries(variables).flatMap(([name, variable]) =>
    isRecord(variable) && Array.isArray(variable['enum']) ? variable['enum'].map((value: unknown) => ({ ...defaults, [name]: value })) : [],
  );
  return [defaults, ...choices].map((values) => expandServerUrl(url, values)).find((expanded) => !isPublishableServerUrl(expanded));
}

/** A server URL with each `{variable}` given a value replaced by it; the others are left as written. */
export function expandServerUrl(url: string, values: Record<string, unknown>): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => (values[name] !== undefined ? String(values[name]) : whole));
}

/** The URL a server object stands for, variables unexpanded: OpenAPI 3's `url`, AsyncAPI 2's `url` with its protocol, AsyncAPI 3's parts. */
export function serverUrlOf(server: unknown): string | undefined {
  if (!isRecord(server) || typeof server['$ref'] === 'string') return undefined;
  const { url, host, protocol, pathname } = server;
  const scheme = typeof protocol === 'string' ? `${protocol}://` : '';
  if (typeof host === 'string') return `${scheme}${host}${typeof pathname === 'string' ? pathname : ''}`;
  if (typeof url !== 'string') return undefined;
  // AsyncAPI 2 servers often write `broker.example:9092` and name the scheme in `protocol`; but
  // `javascript:1/alert(1)`, which reads as a host and port, would still run where it is a link.
  if (!scheme || url.includes('://') || browserScheme.test(url)) return url;
  return `${scheme}${url}`;
}

/** A server a contract declares that the portal leaves out: where it is written and its URL. */
export interface RefusedServer {
  path: PathSegment[];
  url: string;
}

/**
 * The servers a contract as written declares that may not be published: Swagger 2.0's host and
 * base path, OpenAPI 3's servers of the document, its paths and operations, and AsyncAPI's
 * servers and component servers.
 */
export function findRefusedServers(document: unknown): RefusedServer[] {
  if (!isRecord(document)) return [];
  if ('swagger' in document) {
    const { host, basePath, schemes } = document;
    if (typeof host !== 'string') return [];
    const urls = (Array.isArray(schemes) ? schemes : ['https']).map((scheme) => `${String(scheme)}://${host}${typeof basePath === 'string' ? basePath : ''}`);
    const refused = urls.find((url) => !isPublishableServerUrl(url));
    return refused === undefined ? [] : [{ path: ['host'], url: refused }];
  }
  const lists: [PathSegment[], unknown][] = [[['servers'], document['servers']]];
  if ('asyncapi' in document) {
    lists.push([['components', 'servers'], isRecord(document['components']) ? document['components']['servers'] : undefined]);
  } else {
    for (const [key, item] of Object.entries(isRecord(document['paths']) ? document['paths'] : {})) {
      if (!isRecord(item)) continue;
      lists.push([['paths', key, 'servers'], item['servers']]);
      for (const [method, operation] of Object.entries(item)) if (isRecord(operation)) lists.push([['paths', key, method, 'servers'], operation['servers']]);
    }
  }
  return lists.flatMap(([at, servers]) =>
    Object.entries(isRecord(servers) || Array.isArray(servers) ? servers : {}).flatMap(([key, server]) => {
      const url = refusedUrlOf(server);
      if (url === undefined) return [];
      const where = [...at, Array.isArray(servers) ? Number(key) : key];
      // AsyncAPI 3 writes a server in parts: point at the server itself.
      return [{ path: (server as Record<string, unknown>)['host'] === undefined ? [...where, 'url'] : where, url }];
    }),
  );
}

