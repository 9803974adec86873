import { describe, expect, it } from 'vitest';
import { visibleSchema } from '../../src/catalog/audience.ts';
import { componentNames, createSchemaViewer } from '../../src/catalog/contracts/schema-view.ts';

describe('schema trees for static pages', () => {
  it('keeps component names, requirement, constraints and enum values', () => {
    const address = {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string', maxLength: 60 }, country: { type: 'string', enum: ['NO', 'SE'] } },
    };
    const customer = { type: 'object', properties: { address } };
    const view = createSchemaViewer(componentNames({ Address: address, Customer: customer }))(customer)!;
    expect(view.name).toBe('Customer');
    const addressView = view.properties![0]!.schema;
    expect(addressView.name).toBe('Address');
    expect(addressView.properties).toEqual([
      { name: 'city', required: true, internal: false, schema: { type: 'string', constraints: ['at most 60 characters'] } },
      { name: 'country', required: false, internal: false, schema: { type: 'string', enum: ['NO', 'SE'] } },
    ]);
  });

  it('cuts cycles instead of looping, and stays serialisable', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node['properties'] as Record<string, unknown>)['children'] = { type: 'array', items: node };
    const view = createSchemaViewer(componentNames({ Node: node }))(node)!;
    expect(view.properties![0]!.schema.items).toEqual({ name: 'Node', circular: true });
    expect(() => JSON.stringify(view)).not.toThrow();
  });

  it('caps the size of all the trees of one operation, so a page never grows with the contract', () => {
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`p${i}`, { type: 'string' }])) };
    const view = createSchemaViewer(new Map(), { maxDepth: 6, maxNodes: 100 })(wide)!;
    expect(view.properties!.filter((p) => !p.schema.truncated)).toHaveLength(99);
    expect(view.properties!.at(-1)!.schema.truncated).toBe(true);
  });

  it('drops properties and variants marked x-internal in audience builds', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string' }, fraudScore: { type: 'integer', 'x-internal': true } },
      oneOf: [{ type: 'object' }, { type: 'object', 'x-internal': true }],
    };
    const view = createSchemaViewer(new Map())(schema)!;
    const visible = visibleSchema(view);
    expect(visible.properties!.map((p) => p.name)).toEqual(['id']);
    expect(visible.variants!.schemas).toHaveLength(1);
  });
});
