import { isRecord } from '../catalog/is-record.ts';
import { resolveLocalRef } from './local-ref.ts';
import { rfc9457, type ErrorShape } from './problems.ts';

type Json = Record<string, unknown>;

/**
 * How an API writes its errors, read from the contract: the schema of its 4xx and default
 * responses. An API whose error schema names its list of wrong fields (`invalidParams`, or any
 * array of objects with a `name`) gets it under that name, and its detail under `message` when it
 * declares no `detail`; the media type is the one it declares. Without an error schema: RFC 9457.
 */
export function errorShapeOf(document: unknown): ErrorShape {
  const declared = errorSchemas(document).find((found) => isRecord(found.schema['properties']));
  if (!declared) return rfc9457;
  const properties = declared.schema['properties'] as Json;
  const names = Object.keys(properties);
  const listed =
    names.find((name) => /^invalid[-_]?params$/i.test(name)) ??
    names.find((name) => {
      const property = resolveLocalRef(document, properties[name]);
      const items = isRecord(property) ? resolveLocalRef(document, property['items']) : undefined;
      return isRecord(items) && isRecord(items['properties']) && 'name' in items['properties'];
    });
  return {
    mediaType: declared.mediaType,
    invalidParams: listed ?? rfc9457.invalidParams,
    detail: !names.includes('detail') && names.includes('message') ? 'message' : 'detail',
  };
}

/** The JSON schemas of the contract's error responses, with their media types, in the contract's order. */
function errorSchemas(document: unknown): { mediaType: string; schema: Json }[] {
  if (!isRecord(document) || !isRecord(document['paths'])) return [];
  const found: { mediaType: string; schema: Json }[] = [];
  const swagger = 'swagger' in document;
  for (const item of Object.values(document['paths'])) {
    if (!isRecord(item)) continue;
    for (const operation of Object.values(item)) {
      const responses = isRecord(operation) ? operation['responses'] : undefined;
      if (!isRecord(responses)) continue;
      for (const [status, raw] of Object.entries(responses)) {
        if (!/^(4\d\d|4XX|5\d\d|5XX|default)$/i.test(status)) continue;
        const response = resolveLocalRef(document, raw);
        if (!isRecord(response)) continue;
        if (swagger) {
          const schema = flatten(document, response['schema']);
          if (schema) found.push({ mediaType: 'application/json', schema });
          continue;
        }
        const content = isRecord(response['content']) ? response['content'] : {};
        for (const [mediaType, media] of Object.entries(content)) {
          const schema = isRecord(media) && /[/+]json\b/i.test(mediaType) ? flatten(document, media['schema']) : undefined;
          if (schema) found.push({ mediaType, schema });
        }
      }
    }
  }
  return found;
}

/** A schema with its `allOf` parts' properties merged in, references followed. */
function flatten(document: unknown, raw: unknown): Json | undefined {
  const schema = resolveLocalRef(document, raw);
  if (!isRecord(schema)) return undefined;
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'].map((part) => flatten(document, part)) : [];
  const properties: Json = { ...(isRecord(schema['properties']) ? schema['properties'] : {}) };
  for (const part of parts) Object.assign(properties, isRecord(part?.['properties']) ? part['properties'] : {});
  return Object.keys(properties).length > 0 ? { ...schema, properties } : schema;
}
