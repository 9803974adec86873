import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fileSchemas, type FileKind } from '../../src/catalog/schema/index.ts';
import { jsonSchemaFileName, jsonSchemaOf } from '../../src/catalog/schema/json-schema.ts';

describe('editor JSON Schemas in schema/', () => {
  for (const kind of Object.keys(fileSchemas) as FileKind[]) {
    it(`${jsonSchemaFileName(kind)} matches the zod schema (run "npm run schemas" when this fails)`, async () => {
      const committed = await readFile(new URL(`../../schema/${jsonSchemaFileName(kind)}`, import.meta.url), 'utf8');
      expect(committed).toBe(jsonSchemaOf(kind));
    });
  }

  it('describes every api.yaml field for contributors', () => {
    const schema = JSON.parse(jsonSchemaOf('api')) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'summary', 'type', 'lifecycle', 'audience', 'contract', 'business']));
    for (const [field, property] of Object.entries(schema.properties)) {
      if (['name', 'summary', 'type', 'lifecycle', 'audience', 'contract', 'business', 'owner'].includes(field))
        expect(property.description, field).toBeTruthy();
    }
  });
});
