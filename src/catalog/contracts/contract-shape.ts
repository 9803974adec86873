import type { Contract, SchemaView } from '../model.ts';

/**
 * What the duplicate-API rule compares of a contract, small enough to keep in the contract cache
 * beside the diagnostics (a warm `check` reads no contract back).
 */
export interface ContractShape {
  /** `METHOD /path/{}` of each HTTP operation, `SEND channel/{}` of each event operation, as written in the contract. */
  operations: string[];
  /** Each component schema with at least two properties: its name and its property names, sorted. */
  schemas: { name: string; properties: string[] }[];
}

/** Parameter names and a leading version segment say nothing about what an operation does. */
export function operationSignature(method: string, target: string): string {
  const shape = target
    .toLowerCase()
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/^\/?v\d+(?=\/|$)/, '')
    .replace(/\/+$/, '');
  return `${method.toUpperCase()} ${shape.startsWith('/') ? shape : `/${shape}`}`;
}

/** The shape of a normalised contract. */
export function shapeOf(contract: Contract): ContractShape {
  const operations = contract.operations.flatMap((op) => {
    if (op.kind === 'http' && op.method && op.path !== undefined) return [operationSignature(op.method, op.path)];
    if (op.kind !== 'http' && op.channel !== undefined) return [operationSignature(op.kind, op.channel)];
    return [];
  });
  const schemas = contract.schemas.flatMap(({ name, schema }) => {
    const properties = propertyNames(schema);
    return properties.length >= 2 ? [{ name, properties }] : [];
  });
  return { operations: [...new Set(operations)].sort(), schemas };
}

function propertyNames(schema: SchemaView): string[] {
  const names = new Set((schema.properties ?? []).map((p) => p.name.toLowerCase()));
  for (const variant of schema.variants?.kind === 'allOf' ? schema.variants.schemas : []) for (const p of variant.properties ?? []) names.add(p.name.toLowerCase());
  return [...names].sort();
}
