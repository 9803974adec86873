import { describe, expect, it } from 'vitest';
import type { Contract, Operation, SchemaView } from '../../src/catalog/model.ts';
import { groupOf, groupOperations, operationsPerPage, splitsOperations } from '../../src/site/operation-pages.ts';

function operation(id: string, tags: string[], responseSchema?: SchemaView): Operation {
  return {
    id,
    anchor: id,
    kind: 'http',
    method: 'GET',
    path: `/${id}`,
    tags,
    deprecated: false,
    internal: false,
    parameters: [],
    security: [],
    responses: responseSchema ? [{ status: '200', content: [{ mediaType: 'application/json', schema: responseSchema }], headers: [] }] : [],
    messages: [],
    examples: [],
    source: { file: 'openapi.yaml', line: 1 },
  };
}

function contract(operations: Operation[], schemas: Contract['schemas'] = []): Contract {
  return { format: 'openapi', specVersion: '3.1.0', file: 'openapi.yaml', title: 'T', version: '1', servers: [], securitySchemes: [], operations, schemas };
}

const ref = (name: string): SchemaView => ({ name, ref: true, type: 'object' });

describe('operation pages of a large contract', () => {
  it('keeps a contract of ordinary size on one page', () => {
    const ops = Array.from({ length: operationsPerPage }, (_, i) => operation(`op${i}`, ['t']));
    expect(splitsOperations(contract(ops))).toBe(false);
    expect(splitsOperations(contract([...ops, operation('one-more', ['t'])]))).toBe(true);
  });

  it('groups operations by first tag, tags in alphabetical order, untagged last, with distinct slugs', () => {
    const groups = groupOperations(
      contract([operation('a', ['Zebra', 'Apple']), operation('b', []), operation('c', ['A b']), operation('d', ['a-b']), operation('e', ['Zebra'])]),
    );
    expect(groups.map((g) => [g.tag, g.slug, g.operations.map((o) => o.id)])).toEqual([
      ['A b', 'a-b', ['c']],
      ['a-b', 'a-b-2', ['d']],
      ['Zebra', 'zebra', ['a', 'e']],
      ['Other operations', 'other-operations', ['b']],
    ]);
    expect(groupOf(groups, 'e')?.slug).toBe('zebra');
  });

  it('gives each tag page the named schemas its operations reach, through other schemas too, and no others', () => {
    const schemas: Contract['schemas'] = [
      { name: 'Repo', schema: { type: 'object', properties: [{ name: 'owner', required: true, internal: false, schema: ref('User') }] } },
      {
        name: 'User',
        schema: { type: 'object', properties: [{ name: 'plan', required: false, internal: false, schema: { type: 'array', items: ref('Plan') } }] },
      },
      { name: 'Plan', schema: { type: 'object' } },
      { name: 'Gist', schema: { type: 'object' } },
    ];
    const groups = groupOperations(
      contract([operation('getRepo', ['repos'], ref('Repo')), operation('getGist', ['gists'], { type: 'array', items: ref('Gist') })], schemas),
    );
    expect(groups.find((g) => g.tag === 'repos')?.schemas).toEqual(['Repo', 'User', 'Plan']);
    expect(groups.find((g) => g.tag === 'gists')?.schemas).toEqual(['Gist']);
  });
});
