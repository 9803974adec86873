import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { linearRegExp } from './linear-regexp.ts';
import { schemaUnits, unitScheme, type SchemaUnit } from './schema-units.ts';

/** The JSON Schema dialect of a contract's schemas. */
export type Dialect = 'draft-04' | 'draft-07' | '2020-12';

/** Swagger 2.0 and OpenAPI 3.0 schemas are draft-04 with OpenAPI's `nullable`; 3.1 is 2020-12; AsyncAPI draft-07. */
export function dialectOf(format: 'openapi' | 'asyncapi', specVersion: string): Dialect {
  if (format === 'asyncapi') return 'draft-07';
  return specVersion.startsWith('3.1') ? '2020-12' : 'draft-04';
}

type AnyAjv = InstanceType<typeof Ajv>;

/** One Ajv instance, the schema units added to it and the validators compiled in it, by unit key. */
interface Generation {
  ajv: AnyAjv;
  units: Set<string>;
  validators: Map<string, ValidateFunction | undefined>;
  /** Units and whole documents added (weighed by `wholeDocumentLoad`), towards `loadPerInstance`. */
  load: number;
}

const generations = new Map<Dialect, Generation>();

/**
 * An instance holds this many schema units, then a new one takes over: Ajv keeps what it compiled
 * for as long as the instance lives, even after removeSchema, so the validators of a whole
 * catalogue would otherwise stay in a worker's heap (the ~500 units of 200 bench contracts held 17 MB).
 */
const loadPerInstance = 1000;

/**
 * What a whole document counts for: an instance holds at most ten, as it did before units (a
 * 1,000-API check ran out of memory when Ajv kept every contract it had compiled).
 */
const wholeDocumentLoad = loadPerInstance / 10;

function generationFor(dialect: Dialect): Generation {
  let generation = generations.get(dialect);
  if (!generation || generation.load >= loadPerInstance) {
    generation = { ajv: createAjv(dialect), units: new Set(), validators: new Map(), load: 0 };
    generations.set(dialect, generation);
  }
  return generation;
}

function createAjv(dialect: Dialect): AnyAjv {
  // A validator runs once or twice (a contract's few examples): Ajv's code optimisation passes
  // cost a fifth of the compile and save nothing measurable on so few runs.
  const options = { strict: false, allErrors: true, validateSchema: false, inlineRefs: false, logger: false as const, code: { regExp: linearRegExp, optimize: false } };
  const ajv: AnyAjv = dialect === '2020-12' ? new Ajv2020(options) : dialect === 'draft-04' ? (new AjvDraft04(options) as unknown as AnyAjv) : new Ajv(options);
  // Draft-04 names schema ids `id`, and Ajv scans every key of an added document for them:
  // in a contract, `id` is an ordinary property of examples and parameters, never a schema id.
  if (dialect === 'draft-04') (ajv.opts as { schemaId: string }).schemaId = '$id';
  addFormats.default(ajv as never);
  // OpenAPI's own formats: numbers of a size, and strings Ajv has no rule for.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  return ajv;
}

let nextId = 0;

/** A `$ref` to the schema at `pointer` (JSON pointer) of the schema added as `id`. */
function refTo(id: string, pointer: string): { $ref: string } {
  return { $ref: `${id}#${pointer.split('/').map(encodeURIComponent).join('/')}` };
}

/**
 * Validators for schemas inside one document (a contract), found by JSON pointer, with the
 * document's own `$ref`s resolved. Compiling costs far more than validating an example, and the
 * schemas of a contract, and of contracts, share schemas (a page of customers holds customers, a
 * problem schema serves every error), so each schema is compiled once per worker, found again by
 * its content (schema-units.ts); one that reaches another file or sets `$id` is compiled against
 * its whole document. `release` forgets that document when its contract is done.
 */
export function documentValidators(document: object, dialect: Dialect): { at(pointer: string): ValidateFunction | undefined; release(): void } {
  const compiled = new Map<string, ValidateFunction | undefined>();
  let whole: { ajv: AnyAjv; id: string; wrappers: object[] } | undefined;
  const inWhole = (pointer: string): ValidateFunction | undefined => {
    if (!whole) {
      const generation = generationFor(dialect);
      generation.load += wholeDocumentLoad;
      whole = { ajv: generation.ajv, id: `urn:portolan:contract:${++nextId}`, wrappers: [] };
      whole.ajv.addSchema(document as never, whole.id);
    }
    const wrapper = refTo(whole.id, pointer);
    whole.wrappers.push(wrapper);
    try {
      return whole.ajv.compile(wrapper);
    } catch {
      return undefined;
    }
  };
  return {
    at(pointer) {
      if (!compiled.has(pointer)) {
        const units = schemaUnits(document, pointer);
        compiled.set(pointer, units ? shared(dialect, units) : inWhole(pointer));
      }
      return compiled.get(pointer);
    },
    release() {
      if (!whole) return;
      for (const wrapper of whole.wrappers) whole.ajv.removeSchema(wrapper as never);
      whole.ajv.removeSchema(whole.id);
    },
  };
}

/** The validator of the first of `units`, each unit added to Ajv the first time its content is met. */
function shared(dialect: Dialect, units: readonly SchemaUnit[]): ValidateFunction | undefined {
  const generation = generationFor(dialect);
  const key = units[0]!.key;
  if (generation.validators.has(key)) return generation.validators.get(key);
  let validate: ValidateFunction | undefined;
  try {
    for (const unit of units) {
      if (generation.units.has(unit.key)) continue;
      generation.ajv.addSchema(unit.schema() as never, `${unitScheme}${unit.key}`);
      generation.units.add(unit.key);
      generation.load++;
    }
    validate = generation.ajv.compile({ $ref: `${unitScheme}${key}` });
  } catch {
    validate = undefined;
  }
  generation.validators.set(key, validate);
  return validate;
}

/** A validator for a schema given as a value (AsyncAPI payloads, already dereferenced); undefined when it cannot be compiled. */
export function valueValidator(schema: unknown, dialect: Dialect): ValidateFunction | undefined {
  try {
    const generation = generationFor(dialect);
    generation.load++;
    return generation.ajv.compile(schema as never);
  } catch {
    return undefined;
  }
}
