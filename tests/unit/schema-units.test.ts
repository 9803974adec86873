import { describe, expect, it } from 'vitest';
import { schemaUnits } from '../../src/catalog/examples/schema-units.ts';
import { documentValidators } from '../../src/catalog/examples/schema-validators.ts';

const problem = { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } };

function contract(extra: Record<string, unknown>) {
  return {
    openapi: '3.0.3',
    components: {
      schemas: {
        Problem: structuredClone(problem),
        Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
        Page: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Problem' } } } },
        ...extra,
      },
    },
  };
}

/** What a diagnostic is made of: where the wrong value is, the rule, its message and parameters. */
function errorsOf(document: object, pointer: string, value: unknown) {
  const validators = documentValidators(document, 'draft-04');
  try {
    const validate = validators.at(pointer)!;
    validate(value);
    return (validate.errors ?? []).map(({ instancePath, keyword, message, params }) => ({ instancePath, keyword, message, params }));
  } finally {
    validators.release();
  }
}

describe('schema units, compiled once per worker', () => {
  it('give the same key to the same schema in two contracts, and another to a schema that differs', () => {
    const first = schemaUnits(contract({}), '/components/schemas/Page')!;
    const second = schemaUnits(contract({ Other: { type: 'string' } }), '/components/schemas/Page')!;
    expect(first.map((u) => u.key)).toEqual(second.map((u) => u.key));
    const changed = contract({});
    changed.components.schemas.Problem.properties.title.type = 'number';
    expect(schemaUnits(changed, '/components/schemas/Page')![0]!.key).not.toBe(first[0]!.key);
  });

  it('leave to the whole document a schema that refers to another file, sets $id, or writes a $ref in an enum', () => {
    expect(schemaUnits(contract({ Far: { $ref: 'common.yaml#/Money' } }), '/components/schemas/Far')).toBeUndefined();
    expect(schemaUnits(contract({ Scoped: { $id: 'https://example.com/s', type: 'string' } }), '/components/schemas/Scoped')).toBeUndefined();
    expect(schemaUnits(contract({ Data: { enum: [{ $ref: '#/components/schemas/Problem' }] } }), '/components/schemas/Data')).toBeUndefined();
    expect(schemaUnits(contract({ Missing: { $ref: '#/components/schemas/Nowhere' } }), '/components/schemas/Missing')).toBeUndefined();
  });

  it('find the same errors as the whole contract, through refs and recursion, whichever way the schema is compiled', () => {
    const wrong = { items: [{ title: 1 }, { status: 'x' }] };
    const shared = errorsOf(contract({}), '/components/schemas/Page', wrong);
    expect(shared).toEqual([
      { instancePath: '/items/0/title', keyword: 'type', message: 'must be string', params: { type: 'string' } },
      { instancePath: '/items/1', keyword: 'required', message: "must have required property 'title'", params: { missingProperty: 'title' } },
      { instancePath: '/items/1/status', keyword: 'type', message: 'must be integer', params: { type: 'integer' } },
    ]);
    // A $ref to another file (here in an annotation Ajv ignores) keeps the schema in its document: the same errors come out.
    const annotated = contract({});
    Object.assign(annotated.components.schemas.Page, { 'x-origin': { $ref: 'common.yaml#/Page' } });
    expect(schemaUnits(annotated, '/components/schemas/Page')).toBeUndefined();
    expect(errorsOf(annotated, '/components/schemas/Page', wrong)).toEqual(shared);
    const tree = { name: 'root', children: [{ name: 'leaf', children: [{ name: 3 }] }] };
    expect(errorsOf(contract({}), '/components/schemas/Node', tree)).toEqual([
      { instancePath: '/children/0/children/0/name', keyword: 'type', message: 'must be string', params: { type: 'string' } },
    ]);
  });
});
