import { isRecord } from '../catalog/is-record.ts';
import { sanitiseMarkdown } from '../site/safe-markdown.ts';
import { keepsServer, refusedServerPointers } from './safe-servers.ts';
import { isLinkKey, isSafeHref } from '../catalog/safe-urls.ts';

/** Keys whose string value is text a viewer may render as Markdown (OpenAPI 2 and 3, AsyncAPI 2 and 3). */
const textKeys = new Set(['description', 'summary']);

/** Maps of OAuth scope names to their descriptions, text too (OpenAPI, AsyncAPI 2; AsyncAPI 3). */
const scopeMaps = new Set(['scopes', 'availableScopes']);

/** What an AsyncAPI message example holds (with `x-` extensions): its name and summary are text, its headers and payload data. */
const messageExampleKeys = new Set(['name', 'summary', 'headers', 'payload']);

/** Keys of example and schema values, data published as written (a viewer shows them as code). */
const dataKeys = new Set(['example', 'default', 'enum', 'const', 'value']);

/**
 * Keys of objects that map names to definitions (somewhere in one of the formats): their keys are
 * names, such as a property called `value` or a response called `default`, never data keys. A key
 * listed here by excess only costs a data value its "as written".
 */
const nameMaps = new Set([
  ...['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'],
  ...['paths', 'webhooks', 'schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems'],
  ...['securitySchemes', 'securityDefinitions', 'scopes', 'availableScopes', 'content', 'encoding', 'variables', 'mapping', 'serverVariables'],
  ...['channels', 'operations', 'servers', 'messages', 'correlationIds', 'operationTraits', 'messageTraits', 'replies', 'replyAddresses', 'tags'],
  ...['bindings', 'serverBindings', 'channelBindings', 'operationBindings', 'messageBindings', 'externalDocs'],
]);

/**
 * A contract document as it may be published: every description and summary made safe Markdown by
 * the rules of the pages (safe-markdown.ts), OAuth scope descriptions and AsyncAPI message examples'
 * names and summaries included; link fields (terms of service, contact, licence, external docs,
 * OAuth and OpenID URLs) with a refused scheme left out; servers whose URL may not be published
 * (server-urls.ts) left out, with what refers to them. Example and default values, and message
 * examples' payloads and headers, are data and stay as written. The document is not changed: what
 * differs is copied, the rest shared.
 */
export function sanitiseContract(document: unknown): unknown {
  // Contracts repeat the same descriptions many times (GitHub's: "The name of the repository…").
  const sanitised = new Map<string, string>();
  const refusedServers = refusedServerPointers(document);
  const walk: Walk = {
    swagger2: isRecord(document) && 'swagger' in document,
    asyncApi: isRecord(document) && 'asyncapi' in document,
    refusedServers,
    text: (markdown) => {
      let safe = sanitised.get(markdown);
      if (safe === undefined) sanitised.set(markdown, (safe = sanitiseMarkdown(markdown)));
      return safe;
    },
  };
  return clean(refusedServers.has('#/host') ? withoutHost(document) : document, undefined, walk);
}

interface Walk {
  swagger2: boolean;
  asyncApi: boolean;
  /** JSON pointers to the servers left out (safe-servers.ts). */
  refusedServers: ReadonlySet<string>;
  text: (markdown: string) => string;
}

/** What `clean` walks: any object of the document, or a server, whose URL was judged whole (keepsServer). */
type Kind = 'object' | 'server';

function clean(value: unknown, parentKey: string | undefined, walk: Walk, kind: Kind = 'object'): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => clean(item, undefined, walk));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (!isRecord(value)) return value;
  const named = parentKey !== undefined && nameMaps.has(parentKey);
  let changed = false;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const cleaned = kind === 'server' && key === 'url' ? child : cleanEntry(key, child, parentKey, named, walk);
    if (cleaned !== child) changed = true;
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return changed ? result : value;
}

/** The value of one entry as published; undefined leaves the entry out. */
function cleanEntry(key: string, child: unknown, parentKey: string | undefined, named: boolean, walk: Walk): unknown {
  if (typeof child === 'string') {
    if (textKeys.has(key) || (parentKey !== undefined && scopeMaps.has(parentKey))) return walk.text(child);
    return isLinkKey(key) && !isSafeHref(child.trim()) ? undefined : child;
  }
  if (!named && key === 'servers') return cleanServers(child, walk);
  // An OpenAPI link's server.
  if (!named && key === 'server' && isRecord(child)) return keepsServer(child, walk.refusedServers) ? clean(child, key, walk, 'server') : undefined;
  if (!named && key === 'examples' && walk.asyncApi && Array.isArray(child)) return cleanMessageExamples(child, walk);
  // Swagger 2.0 response `examples` map media types to values; elsewhere an array of `examples` holds values.
  const isData = dataKeys.has(key) || (key === 'examples' && (walk.swagger2 || Array.isArray(child)));
  return !named && isData ? child : clean(child, key, walk);
}

/** A list or map of servers (or, in AsyncAPI channels, of references to them) without those left out. */
function cleanServers(servers: unknown, walk: Walk): unknown {
  const cleanOne = (server: unknown) => (isRecord(server) && server['$ref'] === undefined ? clean(server, undefined, walk, 'server') : server);
  const entries = Object.entries(isRecord(servers) || Array.isArray(servers) ? servers : {});
  const kept = entries.filter(([, server]) => keepsServer(server, walk.refusedServers)).map(([key, server]) => [key, cleanOne(server)] as const);
  if (kept.length === entries.length && kept.every(([key, server]) => server === (servers as Record<string, unknown>)[key])) return servers;
  return Array.isArray(servers) ? kept.map(([, server]) => server) : Object.fromEntries(kept);
}

/**
 * AsyncAPI message `examples`: items shaped as message examples have their name and summary made
 * safe text, headers and payload kept as written. Other items (a schema's `examples`) are values;
 * one that has a message example's shape only costs its name and summary their "as written".
 */
function cleanMessageExamples(examples: unknown[], walk: Walk): unknown[] {
  const items = examples.map((item) => {
    if (!isMessageExample(item)) return item;
    let changed = false;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(item)) {
      const cleaned =
        (key === 'name' || key === 'summary') && typeof child === 'string' ? walk.text(child) : key.startsWith('x-') ? clean(child, key, walk) : child;
      if (cleaned !== child) changed = true;
      result[key] = cleaned;
    }
    return changed ? result : item;
  });
  return items.some((item, index) => item !== examples[index]) ? items : examples;
}

/** AsyncAPI 2 and 3 alike: a payload or headers, and nothing but those, a name, a summary and extensions. */
function isMessageExample(item: unknown): item is Record<string, unknown> {
  if (!isRecord(item) || !('payload' in item || 'headers' in item)) return false;
  return Object.keys(item).every((key) => messageExampleKeys.has(key) || key.startsWith('x-'));
}

/** A Swagger 2.0 document without its host and base path, when they make a server URL that may not be published. */
function withoutHost(document: unknown): unknown {
  const { host: _host, basePath: _basePath, ...rest } = document as Record<string, unknown>;
  return rest;
}
