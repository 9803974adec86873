import { sanitiseMarkdown } from './safe-markdown.ts';
import { isSafeHref } from './safe-urls.ts';

/** Keys whose string value is text a viewer may render as Markdown (OpenAPI 2 and 3, AsyncAPI 2 and 3). */
const textKeys = new Set(['description', 'summary']);

/** Keys whose string value a viewer makes a link of, or opens. */
const linkKeys = new Set(['termsOfService', 'authorizationUrl', 'tokenUrl', 'refreshUrl', 'openIdConnectUrl']);

/** Objects whose `url` is a link. */
const linkObjects = new Set(['externalDocs', 'contact', 'license']);

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
  ...['securitySchemes', 'securityDefinitions', 'scopes', 'content', 'encoding', 'variables', 'mapping', 'serverVariables'],
  ...['channels', 'operations', 'servers', 'messages', 'correlationIds', 'operationTraits', 'messageTraits', 'replies', 'replyAddresses', 'tags'],
  ...['bindings', 'serverBindings', 'channelBindings', 'operationBindings', 'messageBindings', 'externalDocs'],
]);

/**
 * A contract document as it may be published: every description and summary made safe Markdown by
 * the rules of the pages (safe-markdown.ts), OAuth scope descriptions included, and link fields
 * (terms of service, contact, licence, external docs, OAuth and OpenID URLs) with a refused scheme
 * left out. Example and default values are data and stay as written. The document is not changed:
 * what differs is copied, the rest shared.
 */
export function sanitiseContract(document: unknown): unknown {
  // Contracts repeat the same descriptions many times (GitHub's: "The name of the repository…").
  const sanitised = new Map<string, string>();
  const walk: Walk = {
    swagger2: isRecord(document) && 'swagger' in document,
    text: (markdown) => {
      let safe = sanitised.get(markdown);
      if (safe === undefined) sanitised.set(markdown, (safe = sanitiseMarkdown(markdown)));
      return safe;
    },
  };
  return clean(document, undefined, walk);
}

interface Walk {
  swagger2: boolean;
  text: (markdown: string) => string;
}

function clean(value: unknown, parentKey: string | undefined, walk: Walk): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => clean(item, undefined, walk));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (!isRecord(value)) return value;
  const named = parentKey !== undefined && nameMaps.has(parentKey);
  let changed = false;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const cleaned = cleanEntry(key, child, parentKey, named, walk);
    if (cleaned !== child) changed = true;
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return changed ? result : value;
}

/** The value of one entry as published; undefined leaves the entry out. */
function cleanEntry(key: string, child: unknown, parentKey: string | undefined, named: boolean, walk: Walk): unknown {
  if (typeof child === 'string') {
    if (textKeys.has(key) || parentKey === 'scopes') return walk.text(child);
    const isLink = linkKeys.has(key) || (key === 'url' && parentKey !== undefined && linkObjects.has(parentKey));
    return isLink && !isSafeHref(child.trim()) ? undefined : child;
  }
  // Swagger 2.0 response `examples` map media types to values; elsewhere an array of `examples` holds values.
  const isData = dataKeys.has(key) || (key === 'examples' && (walk.swagger2 || Array.isArray(child)));
  return !named && isData ? child : clean(child, key, walk);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
