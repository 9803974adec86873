import { z } from 'astro/zod';
import { fileSchemas, type FileKind } from './index.ts';

/** The editor JSON Schema of one catalogue file kind, derived from its zod schema. */
export function jsonSchemaOf(kind: FileKind): string {
  const schema = z.toJSONSchema(fileSchemas[kind], { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The file each JSON Schema is written to, under schema/. */
export function jsonSchemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}
