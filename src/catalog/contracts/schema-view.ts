import type { PropertyView, SchemaView } from '../model.ts';

type Json = Record<string, any>;

/** Limits that keep a page's size independent of how large a contract's schemas are. */
export interface SchemaViewLimits {
  maxDepth: number;
  maxNodes: number;
}

const defaults: SchemaViewLimits = { maxDepth: 6, maxNodes: 80 };

/** Schema nodes one API page may hold in its operations; contracts with many operations get fewer per operation. */
const nodesPerPage = 1200;

/** Schema nodes of the page's schema section, where each component is expanded once. */
const componentNodesPerPage = 800;

/** The limits for each operation of a contract with `operations` operations. */
export function limitsFor(operations: number): SchemaViewLimits {
  return { maxDepth: defaults.maxDepth, maxNodes: Math.max(15, Math.min(defaults.maxNodes, Math.floor(nodesPerPage / Math.max(1, operations)))) };
}

/** A component schema expanded once per page, for operations to link to. */
export interface NamedSchemaView {
  name: string;
  schema: SchemaView;
}

/**
 * Turns dereferenced JSON Schemas (OpenAPI or AsyncAPI) into small, serialisable trees for
 * static HTML. A named component is shown once, in the page's schema section, and linked
 * from every use; anonymous schemas are expanded in place. Cycles are cut, depth is capped,
 * and a shared size budget keeps a page small however large the contract is.
 */
export function createSchemaCatalog(names: ReadonlyMap<object, string>, limits: SchemaViewLimits = defaults) {
  const referenced = new Map<string, Json>();
  const components = { nodes: componentNodesPerPage };

  /** The tree of a schema used by an operation; `nodes` is the operation's own budget. */
  function viewFor(schema: unknown, budget: { nodes: number }): SchemaView | undefined {
    if (!schema || typeof schema !== 'object') return undefined;
    return view(schema as Json, [], budget, false);
  }

  /** Every component referenced so far (and by those, transitively), each expanded once. */
  function referencedComponents(): NamedSchemaView[] {
    const done = new Map<string, SchemaView>();
    for (let pending = [...referenced.keys()]; pending.length > 0; pending = [...referenced.keys()].filter((n) => !done.has(n))) {
      for (const name of pending.sort()) {
        const schema = referenced.get(name)!;
        done.set(name, components.nodes > 0 ? view(schema, [], components, true) : { name, ...typeOf(schema), truncated: true });
      }
    }
    return [...done].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([name, schema]) => ({ name, schema }));
  }

  function view(schema: Json, ancestors: object[], budget: { nodes: number }, expandNamed: boolean): SchemaView {
    const name = names.get(schema);
    const internal = schema['x-internal'] === true ? { internal: true } : {};
    if (name && !expandNamed) {
      referenced.set(name, schema);
      return { name, ref: true, ...typeOf(schema), ...internal };
    }
    if (ancestors.includes(schema)) return { ...(name ? { name } : {}), circular: true };
    if (ancestors.length >= limits.maxDepth || budget.nodes <= 0) return { ...(name ? { name } : {}), ...typeOf(schema), truncated: true };
    budget.nodes--;
    const inner = [...ancestors, schema];
    const child = (value: Json) => view(value, inner, budget, false);
    const result: SchemaView = { ...(name ? { name } : {}), ...typeOf(schema), ...facts(schema), ...internal };
    const properties = Object.entries<Json>(schema['properties'] ?? {}).filter(([, value]) => value && typeof value === 'object');
    if (properties.length > 0) {
      const required = new Set<string>(Array.isArray(schema['required']) ? schema['required'] : []);
      result.properties = properties.map(
        ([property, value]): PropertyView => ({
          name: property,
          required: required.has(property),
          internal: value['x-internal'] === true,
          schema: child(value),
        }),
      );
    }
    if (schema['items'] && typeof schema['items'] === 'object' && !Array.isArray(schema['items'])) result.items = child(schema['items']);
    if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') result.additional = child(schema['additionalProperties']);
    for (const kind of ['oneOf', 'anyOf', 'allOf'] as const) {
      const variants = schema[kind];
      if (Array.isArray(variants) && variants.length > 0) {
        result.variants = { kind, schemas: variants.filter((v): v is Json => Boolean(v) && typeof v === 'object').map(child) };
        break;
      }
    }
    return result;
  }

  return { viewFor, referencedComponents, limits };
}

function typeOf(schema: Json): Pick<SchemaView, 'type'> {
  const type = schema['type'];
  if (Array.isArray(type)) return { type: type.join(' | ') };
  if (typeof type === 'string') return { type };
  if (schema['properties']) return { type: 'object' };
  if (schema['items']) return { type: 'array' };
  return {};
}

function facts(schema: Json): Partial<SchemaView> {
  const constraints: string[] = [];
  const add = (key: string, text: (value: unknown) => string) => {
    if (schema[key] !== undefined) constraints.push(text(schema[key]));
  };
  add('minLength', (v) => `at least ${v} characters`);
  add('maxLength', (v) => `at most ${v} characters`);
  add('pattern', (v) => `pattern ${v}`);
  add('minimum', (v) => `≥ ${v}`);
  add('maximum', (v) => `≤ ${v}`);
  add('exclusiveMinimum', (v) => (typeof v === 'number' ? `> ${v}` : ''));
  add('exclusiveMaximum', (v) => (typeof v === 'number' ? `< ${v}` : ''));
  add('minItems', (v) => `at least ${v} items`);
  add('maxItems', (v) => `at most ${v} items`);
  add('multipleOf', (v) => `multiple of ${v}`);
  if (schema['uniqueItems'] === true) constraints.push('unique items');
  return {
    ...(typeof schema['format'] === 'string' ? { format: schema['format'] } : {}),
    ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
    ...(Array.isArray(schema['enum']) ? { enum: schema['enum'].slice(0, 50).map(String) } : {}),
    ...(schema['const'] !== undefined ? { enum: [String(schema['const'])] } : {}),
    ...(schema['default'] !== undefined ? { default: JSON.stringify(schema['default']) } : {}),
    ...(schema['nullable'] === true || (Array.isArray(schema['type']) && schema['type'].includes('null')) ? { nullable: true } : {}),
    ...(schema['deprecated'] === true ? { deprecated: true } : {}),
    ...(schema['readOnly'] === true ? { readOnly: true } : {}),
    ...(schema['writeOnly'] === true ? { writeOnly: true } : {}),
    ...(constraints.filter(Boolean).length > 0 ? { constraints: constraints.filter(Boolean) } : {}),
  };
}

/** Component schemas by object identity: dereferencing keeps identity, so a use can be named. */
export function componentNames(components: Record<string, unknown> | undefined): Map<object, string> {
  const names = new Map<object, string>();
  for (const [name, schema] of Object.entries(components ?? {})) {
    if (schema && typeof schema === 'object' && !names.has(schema)) names.set(schema, name);
  }
  return names;
}

/** The schema trees of one contract: operation views and the shared schema section. */
export type SchemaCatalog = ReturnType<typeof createSchemaCatalog>;
