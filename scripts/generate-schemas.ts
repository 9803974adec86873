// Writes schema/<kind>.schema.json from the zod schemas, for editors (yaml-language-server),
// and the generated parts of the README and the contributing guide.
import { writeFile } from 'node:fs/promises';
import { fileSchemas, type FileKind } from '../src/catalog/schema/index.ts';
import { jsonSchemaFileName, jsonSchemaOf } from '../src/catalog/schema/json-schema.ts';
import { generatedDocFiles, regenerateDoc } from '../src/docs/generated-docs.ts';

for (const kind of Object.keys(fileSchemas) as FileKind[]) {
  const file = new URL(`../schema/${jsonSchemaFileName(kind)}`, import.meta.url);
  await writeFile(file, jsonSchemaOf(kind));
  console.log(`wrote schema/${jsonSchemaFileName(kind)}`);
}
const root = new URL('../', import.meta.url);
for (const file of generatedDocFiles) {
  await writeFile(new URL(file, root), await regenerateDoc(file, root));
  console.log(`wrote the generated parts of ${file}`);
}
