import { describe, expect, it } from 'vitest';
import { visibleSchema } from '../../src/audience/filter.ts';
import { componentNames, createSchemaCatalog } from '../../src/catalog/contracts/schema-view.ts';

describe('schema trees for static pages', () => {
  it('links a named component from each use and expands it once, with requirement, constraints and enum values', () => {
    const address = {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string', maxLength: 60 }, country: { type: 'string', enum: ['NO', 'SE'] } },
    };
    const customer = { type: 'object', properties: { address, id: { type: 'string' } } };
    const schemas = createSchemaCatalog(componentNames({ Address: address, Customer: customer }));
    expect(schemas.viewFor(customer, { nodes: 50 })).toEqual({ name: 'Customer', ref: true, type: 'object' });
    expect(schemas.viewFor({ type: 'array', items: customer }, { nodes: 50 })).toEqual({
      type: 'array',
      items: { name: 'Customer', ref: true, type: 'object' },
    });
    const components = schemas.referencedComponents();
    expect(components.map((c) => c.name)).toEqual(['Address', 'Customer']);
    expect(components[1]!.schema.properties![0]!.schema).toEqual({ name: 'Address', ref: true, type: 'object' });
    expect(components[0]!.schema.properties).toEqual([
      { name: 'city', required: true, internal: false, schema: { type: 'string', constraints: ['at most 60 characters'] } },
      { name: 'country', required: false, internal: false, schema: { type: 'string', enum: ['NO', 'SE'] } },
    ]);
  });

  it('cuts cycles instead of looping, and stays serialisable', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node['properties'] as Record<string, unknown>)['children'] = { type: 'array', items: node };
    const anonymous = createSchemaCatalog(new Map()).viewFor(node, { nodes: 50 })!;
    expect(anonymous.properties![0]!.schema.items).toEqual({ circular: true });
    const named = createSchemaCatalog(componentNames({ Node: node }));
    named.viewFor(node, { nodes: 50 });
    const [component] = named.referencedComponents();
    expect(component!.schema.properties![0]!.schema.items).toEqual({ name: 'Node', ref: true, type: 'object' });
    expect(() => JSON.stringify(component)).not.toThrow();
  });

  it('caps the size of all the trees of one operation, so a page never grows with the contract', () => {
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`p${i}`, { type: 'string' }])) };
    const view = createSchemaCatalog(new Map()).viewFor(wide, { nodes: 100 })!;
    expect(view.properties!.filter((p) => !p.schema.truncated)).toHaveLength(99);
    expect(view.properties!.at(-1)!.schema.truncated).toBe(true);
  });

  it('drops properties and variants marked x-internal in audience builds', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string' }, fraudScore: { type: 'integer', 'x-internal': true } },
      oneOf: [{ type: 'object' }, { type: 'object', 'x-internal': true }],
    };
    const view = createSchemaCatalog(new Map()).viewFor(schema, { nodes: 50 })!;
    const visible = visibleSchema(view);
    expect(visible.properties!.map((p) => p.name)).toEqual(['id']);
    expect(visible.variants!.schemas).toHaveLength(1);
  });
});
