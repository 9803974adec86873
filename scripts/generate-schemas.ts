// Writes schema/<kind>.schema.json from the zod schemas, for editors (yaml-language-server).
import { writeFile } from 'node:fs/promises';
import { fileSchemas, type FileKind } from '../src/catalog/schema/index.ts';
import { jsonSchemaFileName, jsonSchemaOf } from '../src/catalog/schema/json-schema.ts';

for (const kind of Object.keys(fileSchemas) as FileKind[]) {
  const file = new URL(`../schema/${jsonSchemaFileName(kind)}`, import.meta.url);
  await writeFile(file, jsonSchemaOf(kind));
  console.log(`wrote schema/${jsonSchemaFileName(kind)}`);
}
