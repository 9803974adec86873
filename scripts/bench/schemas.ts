import type { Json, JsonObject } from './json.ts';
import type { Rng } from './prng.ts';
import { paragraph, toPascal, toTitle, withArticle } from './text.ts';

/** The kinds of property the synthetic schemas use. */
export type FieldKind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'date-time' | 'date' | 'email' | 'uri' | 'ref' | 'ref-array';
/** One property of a schema, neutral between OpenAPI 3.0 and AsyncAPI 2.6. */
export interface Field {
  name: string;
  kind: FieldKind;
  description: string;
  values?: string[];
  ref?: string;
  required?: boolean;
  internal?: boolean;
}
/** One named component schema. */
export interface SchemaModel {
  name: string;
  description: string;
  fields: Field[];
}
/** The JSON Schema dialect to write: OpenAPI 3.0 uses `example`, AsyncAPI 2.6 `examples`. */
export type Dialect = 'openapi' | 'asyncapi';

const STATUSES = ['initialised', 'active', 'suspended', 'terminated'];

function f(name: string, kind: FieldKind, description: string, extra: Partial<Field> = {}): Field {
  return { name, kind, description, ...extra };
}

/** The ten schemas every contract shares: Money, Address, Link, Error… */
export function sharedSchemas(): SchemaModel[] {
  return [
    {
      name: 'Money',
      description: 'An amount in a currency.',
      fields: [
        f('amount', 'number', 'Amount in the currency unit.', { required: true }),
        f('currency', 'enum', 'ISO 4217 currency code.', { values: ['EUR', 'USD', 'GBP'], required: true }),
      ],
    },
    {
      name: 'TimePeriod',
      description: 'A period with a start and an optional end.',
      fields: [
        f('startDateTime', 'date-time', 'Start of the period.', { required: true }),
        f('endDateTime', 'date-time', 'End of the period; open-ended when absent.'),
      ],
    },
    {
      name: 'Link',
      description: 'A hypermedia link to a related resource.',
      fields: [
        f('href', 'uri', 'Target of the link.', { required: true }),
        f('rel', 'enum', 'Relation of the target to this resource.', { values: ['self', 'next', 'prev', 'related'] }),
        f('title', 'string', 'Human-readable label of the link.'),
      ],
    },
    {
      name: 'Address',
      description: 'A postal address.',
      fields: [
        f('street', 'string', 'Street and number.', { required: true }),
        f('postcode', 'string', 'Postal code.'),
        f('city', 'string', 'City or town.', { required: true }),
        f('country', 'enum', 'ISO 3166-1 alpha-2 country code.', { values: ['FR', 'DE', 'ES', 'GB', 'IT'], required: true }),
      ],
    },
    {
      name: 'Characteristic',
      description: 'A name-value pair describing a resource.',
      fields: [
        f('name', 'string', 'Name of the characteristic.', { required: true }),
        f('value', 'string', 'Value of the characteristic.', { required: true }),
        f('valueType', 'enum', 'Type of the value.', { values: ['string', 'number', 'boolean'] }),
      ],
    },
    {
      name: 'RelatedParty',
      description: 'A party playing a role for the resource.',
      fields: [
        f('id', 'string', 'Identifier of the party.', { required: true }),
        f('role', 'enum', 'Role of the party.', { values: ['owner', 'payer', 'user', 'contact'], required: true }),
        f('name', 'string', 'Display name of the party.'),
        f('href', 'uri', 'Link to the party.'),
      ],
    },
    {
      name: 'ContactMedium',
      description: 'A way to contact a party.',
      fields: [
        f('mediumType', 'enum', 'Kind of medium.', { values: ['email', 'phone', 'postal'], required: true }),
        f('preferred', 'boolean', 'Whether this medium is preferred.'),
        f('value', 'string', 'Address, number or handle.', { required: true }),
        f('validFor', 'ref', 'When the medium may be used.', { ref: 'TimePeriod' }),
      ],
    },
    {
      name: 'Note',
      description: 'A free-text note left by an agent.',
      fields: [
        f('author', 'string', 'Who wrote the note.', { required: true }),
        f('date', 'date-time', 'When the note was written.'),
        f('text', 'string', 'Text of the note.', { required: true }),
      ],
    },
    {
      name: 'ErrorDetail',
      description: 'One problem found in a request.',
      fields: [f('field', 'string', 'JSON pointer to the offending field.'), f('issue', 'string', 'What is wrong with it.', { required: true })],
    },
    {
      name: 'Error',
      description: 'The body of every 4xx and 5xx response.',
      fields: [
        f('code', 'string', 'Application error code.', { required: true }),
        f('reason', 'string', 'Short explanation of the error.', { required: true }),
        f('message', 'string', 'Longer explanation with what to do.'),
        f('status', 'integer', 'HTTP status code.'),
        f('details', 'ref-array', 'Each problem found.', { ref: 'ErrorDetail' }),
      ],
    },
  ];
}

const OPTIONAL_FIELDS: readonly Field[] = [
  f('amount', 'ref', 'Monetary amount attached to the resource.', { ref: 'Money' }),
  f('billingAddress', 'ref', 'Postal address for bills.', { ref: 'Address' }),
  f('contactMedium', 'ref-array', 'Ways to reach the people in charge.', { ref: 'ContactMedium' }),
  f('priority', 'integer', 'Processing priority, 1 being the highest.'),
  f('score', 'number', 'Risk or quality score between 0 and 1.'),
  f('active', 'boolean', 'Whether the resource is in use.'),
  f('externalId', 'string', 'Identifier in the source system.'),
  f('channel', 'enum', 'Sales channel the resource came from.', { values: ['web', 'shop', 'call-centre', 'partner'] }),
  f('language', 'enum', 'Preferred language.', { values: ['en', 'fr', 'de', 'es'] }),
  f('email', 'email', 'Contact e-mail address.'),
  f('startDate', 'date', 'Date from which the resource applies.'),
  f('quantity', 'integer', 'Number of units.'),
  f('category', 'string', 'Business category.'),
  f('links', 'ref-array', 'Links to related resources.', { ref: 'Link' }),
];

/** The schemas of one business entity: the resource, its create and update forms and a page of results. */
export function entitySchemas(rng: Rng, entity: string, withInternal: boolean): SchemaModel[] {
  const name = toPascal(entity);
  const title = toTitle(entity).toLowerCase();
  const picked = rng.sample(OPTIONAL_FIELDS, 6);
  const hidden = withInternal ? picked.find((field) => field.kind !== 'ref') : undefined;
  const extras = picked.map((field) => (field === hidden ? { ...field, internal: true } : field));
  const writable: Field[] = [
    f('name', 'string', `Name of the ${title}.`, { required: true }),
    f('description', 'string', `Free-text description of the ${title}.`),
    f('status', 'enum', `Lifecycle status of the ${title}.`, { values: STATUSES, required: true }),
    f('validFor', 'ref', `When the ${title} is valid.`, { ref: 'TimePeriod' }),
    f('relatedParty', 'ref-array', `Parties involved with the ${title}.`, { ref: 'RelatedParty' }),
    f('characteristic', 'ref-array', `Characteristics of the ${title}.`, { ref: 'Characteristic' }),
    f('note', 'ref-array', `Notes about the ${title}.`, { ref: 'Note' }),
    ...extras,
  ];
  const readOnly: Field[] = [
    f('id', 'string', `Unique identifier of the ${title}.`, { required: true }),
    f('href', 'uri', `Link to the ${title}.`, { required: true }),
    f('createdAt', 'date-time', 'When the resource was created.', { required: true }),
    f('updatedAt', 'date-time', 'When the resource was last changed.'),
  ];
  const describe = (what: string): string => `${what} ${paragraph(rng, entity, 5)}`;
  return [
    { name, description: describe(`${toTitle(withArticle(title))}.`), fields: [...readOnly, ...writable] },
    { name: `${name}Create`, description: describe(`The fields to create ${withArticle(title)}.`), fields: writable },
    {
      name: `${name}Update`,
      description: describe(`The fields to change on ${withArticle(title)}; absent fields are left unchanged.`),
      fields: writable.map(({ required: _, ...rest }) => rest),
    },
    {
      name: `${name}Page`,
      description: `One page of ${title} results.`,
      fields: [
        f('items', 'ref-array', `The ${title} records of this page.`, { ref: name, required: true }),
        f('offset', 'integer', 'Index of the first item.', { required: true }),
        f('limit', 'integer', 'Page size requested.', { required: true }),
        f('total', 'integer', 'Number of matching items.'),
        f('links', 'ref-array', 'Links to the next and previous pages.', { ref: 'Link' }),
      ],
    },
  ];
}

function refOf(name: string): string {
  return `#/components/schemas/${name}`;
}

/** A sample value of a field, deterministic for a given seed number. */
function sampleScalar(field: Field, n: number): Json {
  switch (field.kind) {
    case 'enum':
      return (field.values as string[])[n % (field.values as string[]).length] as string;
    case 'integer':
      return (n % 9) + 1;
    case 'number':
      return Math.round(((n * 37) % 1000) / 10) / 10;
    case 'boolean':
      return n % 2 === 0;
    case 'date-time':
      return `2026-0${(n % 9) + 1}-1${n % 10}T09:30:00Z`;
    case 'date':
      return `2026-0${(n % 9) + 1}-1${n % 10}`;
    case 'email':
      return `contact${n}@example.com`;
    case 'uri':
      return `https://api.example.com/resources/${n}`;
    default:
      return field.name === 'id' ? `${(n * 7919) % 100000}` : `${toTitle(field.name)} ${n}`;
  }
}

/** A sample instance of a schema that conforms to it; nested refs up to `depth` levels. */
export function sampleOf(models: ReadonlyMap<string, SchemaModel>, name: string, seed: number, depth = 3): JsonObject {
  const model = models.get(name);
  if (!model) throw new Error(`unknown schema ${name}`);
  const out: JsonObject = {};
  model.fields.forEach((field, i) => {
    const n = seed + i;
    if (field.kind === 'ref' || field.kind === 'ref-array') {
      if (depth <= 0 && !field.required) return;
      const value = sampleOf(models, field.ref as string, n, depth - 1);
      out[field.name] = field.kind === 'ref' ? value : [value];
      return;
    }
    out[field.name] = sampleScalar(field, n);
  });
  return out;
}

function renderField(dialect: Dialect, field: Field, n: number): JsonObject {
  const internal: JsonObject = field.internal ? { 'x-internal': true } : {};
  if (field.kind === 'ref') return { $ref: refOf(field.ref as string) };
  if (field.kind === 'ref-array') return { type: 'array', description: field.description, items: { $ref: refOf(field.ref as string) }, ...internal };
  const base: JsonObject = { description: field.description };
  switch (field.kind) {
    case 'enum':
      Object.assign(base, { type: 'string', enum: field.values as string[] });
      break;
    case 'integer':
      Object.assign(base, { type: 'integer', format: 'int32', minimum: 0 });
      break;
    case 'number':
      Object.assign(base, { type: 'number', format: 'double' });
      break;
    case 'boolean':
      base.type = 'boolean';
      break;
    case 'date-time':
    case 'date':
    case 'email':
    case 'uri':
      Object.assign(base, { type: 'string', format: field.kind });
      break;
    default:
      Object.assign(base, { type: 'string', maxLength: 255 });
  }
  const example = sampleScalar(field, n);
  if (dialect === 'openapi') base.example = example;
  else base.examples = [example];
  return { ...base, ...internal };
}

/** Writes one schema model as a JSON Schema object in the given dialect. */
export function renderSchema(dialect: Dialect, model: SchemaModel): JsonObject {
  const properties: JsonObject = {};
  model.fields.forEach((field, i) => {
    properties[field.name] = renderField(dialect, field, i);
  });
  const required = model.fields.filter((field) => field.required).map((field) => field.name);
  return {
    type: 'object',
    description: model.description,
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

/** The models reachable from `roots` through refs, in their original order. */
export function keepReachable(models: readonly SchemaModel[], roots: readonly string[]): SchemaModel[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const field of byName.get(name)?.fields ?? []) if (field.ref) visit(field.ref);
  };
  roots.forEach(visit);
  return models.filter((m) => seen.has(m.name));
}
