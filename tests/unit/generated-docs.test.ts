import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fileSchemas, type FileKind } from '../../src/catalog/schema/index.ts';
import { fieldRows } from '../../src/docs/field-reference.ts';
import { generatedDocFiles, regenerateDoc } from '../../src/docs/generated-docs.ts';

const root = new URL('../../', import.meta.url);

describe('the generated parts of the docs', () => {
  for (const file of generatedDocFiles) {
    it(`${file} holds the current field reference (run "npm run schemas" when this fails)`, async () => {
      expect(await readFile(new URL(file, root), 'utf8')).toBe(await regenerateDoc(file, root));
    });
  }

  for (const kind of Object.keys(fileSchemas) as FileKind[]) {
    it(`describes every field of ${kind}.yaml`, () => {
      const undescribed = fieldRows(kind)
        .filter((row) => !row.description)
        .map((row) => row.path);
      expect(undescribed).toEqual([]);
    });
  }

  it('lists all five sla fields of api.yaml', () => {
    const paths = fieldRows('api').map((row) => row.path);
    expect(paths).toEqual(expect.arrayContaining(['sla.availability', 'sla.latency', 'sla.rateLimit', 'sla.quota', 'sla.support', 'consumers[].audience']));
  });
});
