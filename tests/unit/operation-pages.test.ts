import { describe, expect, it } from 'vitest';
import type { Api, Contract, Operation, SchemaView } from '../../src/catalog/model.ts';
import { groupOf, groupOperations, operationRoutes, operationsPerPage, splitsOperations } from '../../src/site/operation-pages.ts';
import { apiPageToc, tagPageToc } from '../../src/site/api-toc.ts';

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

  it('sends a reader to an operation’s anchor: on the API page, or on its tag’s page when the contract is split', () => {
    const small = apiOf(contract([{ ...operation('list-things', ['t']), anchor: 'listThings' }]));
    expect(operationRoutes(small)(small.contract.operations[0]!)).toBe('/apis/things/#listThings');
    const large = apiOf(contract(Array.from({ length: operationsPerPage + 1 }, (_, i) => operation(`op${i}`, [i === 0 ? 'Zebra' : 'Apple']))));
    const routeOf = operationRoutes(large);
    expect(routeOf(large.contract.operations[0]!)).toBe('/apis/things/operations/zebra/#op0');
    expect(routeOf(large.contract.operations[1]!)).toBe('/apis/things/operations/apple/#op1');
  });
});

function apiOf(contract: Contract): Api {
  return { id: 'things', name: 'Things', docs: [], contract } as unknown as Api;
}

describe('the sidebar of an API page', () => {
  it('lists the page’s parts in order, the operations under theirs by anchor, with their method', () => {
    const api = apiOf(
      contract([{ ...operation('list-things', ['t']), anchor: 'listThings', summary: 'List things' }], [{ name: 'Thing', schema: { type: 'object' } }]),
    );
    const toc = apiPageToc(api, undefined);
    expect(toc.map((entry) => entry.href)).toEqual(['#business', '#technical', '#operations', '#schemas']);
    expect(toc[2]!.children).toEqual([{ href: '#listThings', label: 'List things', operation: { kind: 'http', method: 'GET' } }]);
  });

  it('lists the tag pages of a split contract, the current one with its operations', () => {
    const api = apiOf(contract(Array.from({ length: operationsPerPage + 1 }, (_, i) => operation(`op${i}`, [i === 0 ? 'Zebra' : 'Apple']))));
    const groups = groupOperations(api.contract);
    expect(
      apiPageToc(api, groups)
        .find((entry) => entry.href === '#operations')
        ?.children?.map((entry) => entry.href),
    ).toEqual(['/apis/things/operations/apple/', '/apis/things/operations/zebra/']);
    const zebra = tagPageToc(api, groups, groups[1]!, false);
    expect(zebra.map((entry) => [entry.label, entry.current ?? false, entry.children?.length ?? 0])).toEqual([
      ['Things: overview', false, 0],
      ['Apple', false, 0],
      ['Zebra', true, 1],
    ]);
  });
});
