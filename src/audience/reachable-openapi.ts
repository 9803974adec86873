import { toPointer } from '../catalog/examples/json-pointer.ts';
import { recordAt, rootsBeside, sectionParts, tagParts, type Part, type Shape } from './reachable-parts.ts';

type Json = Record<string, unknown>;

/** Swagger 2.0's sections of reusable parts. */
const swagger2Sections = [
  ['definitions', 'schema'],
  ['parameters', 'component'],
  ['responses', 'component'],
  ['securityDefinitions', 'security scheme'],
] as const;

/**
 * The parts of an OpenAPI 2.0 or 3.x document: its components of every section (Swagger 2.0's
 * definitions, parameters, responses and security definitions) and its tags. What is outside them
 * (paths and webhooks, whose x-internal operations are gone, the root `security`, `info`) is published.
 */
export function openApiShape(document: Json): Shape {
  const swagger2 = 'swagger' in document;
  const parts: Part[] = [...tagParts(document, ['tags'])];
  if (swagger2) for (const [section, kind] of swagger2Sections) parts.push(...sectionParts(document, [section], kind));
  for (const section of Object.keys(recordAt(document, ['components']) ?? {})) {
    const kind = section === 'schemas' ? 'schema' : section === 'securitySchemes' ? 'security scheme' : 'component';
    parts.push(...sectionParts(document, ['components', section], kind));
  }
  const containers = new Set(['tags', 'components', ...(swagger2 ? swagger2Sections.map(([section]) => section) : [])]);
  return {
    parts,
    roots: rootsBeside(document, containers),
    schemeAt: (name) => `#${toPointer(swagger2 ? ['securityDefinitions', name] : ['components', 'securitySchemes', name])}`,
    schemaAt: (name) => `#${toPointer(swagger2 ? ['definitions', name] : ['components', 'schemas', name])}`,
    partLinks: () => [],
  };
}
