import { isRecord } from '../catalog/is-record.ts';
import type { Credential } from './browser-data.ts';
import { resolveLocalRef } from './local-ref.ts';

type Json = Record<string, unknown>;

/**
 * What an operation asks a request to carry, read from the contract: one list of credentials per
 * security alternative (`security:` of the operation, else of the contract). `[]` when it asks
 * for nothing, and an empty alternative (`- {}`) makes credentials optional: `[[]]`.
 */
export function credentialsOf(document: unknown, method: string, path: string): Credential[][] {
  if (!isRecord(document)) return [];
  const item = isRecord(document['paths']) ? resolveLocalRef(document, document['paths'][path]) : undefined;
  const operation = isRecord(item) ? item[method.toLowerCase()] : undefined;
  const requirements = (isRecord(operation) && Array.isArray(operation['security']) ? operation['security'] : document['security']) ?? [];
  if (!Array.isArray(requirements)) return [];
  const schemes = schemesOf(document);
  return requirements.filter(isRecord).map((requirement) =>
    Object.keys(requirement).flatMap((name) => {
      const scheme = resolveLocalRef(document, schemes[name]);
      return isRecord(scheme) ? [credentialFor(name, scheme)] : [];
    }),
  );
}

function schemesOf(document: Json): Json {
  const components = isRecord(document['components']) ? document['components'] : {};
  const schemes = components['securitySchemes'] ?? document['securityDefinitions'];
  return isRecord(schemes) ? schemes : {};
}

/** Where a scheme's credential goes, and the challenge a 401 names it by. */
function credentialFor(scheme: string, definition: Json): Credential {
  const type = String(definition['type'] ?? '').toLowerCase();
  if (type === 'apikey') {
    const where = String(definition['in'] ?? 'header');
    return { scheme, in: where === 'query' || where === 'cookie' ? where : 'header', name: String(definition['name'] ?? scheme) };
  }
  // Swagger 2.0's `basic`, OpenAPI 3's `http` with its scheme; OAuth 2 and OpenID Connect send a bearer token.
  const httpScheme = type === 'basic' ? 'Basic' : type === 'http' ? capitalise(String(definition['scheme'] ?? 'bearer')) : 'Bearer';
  return { scheme, in: 'header', name: 'Authorization', challenge: httpScheme };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
