import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFileName } from '../catalog/schema/json-schema.ts';
import type { FileKind } from '../catalog/schema/index.ts';

/** The folder of Portolan's editor JSON Schemas (schema/ at the package root). */
export const schemaFolder = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The `# yaml-language-server: $schema=` line of a file written in `folder` (absolute). */
export function schemaLine(kind: FileKind, folder: string): string {
  const relative = path
    .relative(folder, path.join(schemaFolder, jsonSchemaFileName(kind)))
    .split(path.sep)
    .join('/');
  return `# yaml-language-server: $schema=${relative}\n`;
}
