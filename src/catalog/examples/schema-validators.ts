import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { linearRegExp } from './linear-regexp.ts';

/** The JSON Schema dialect of a contract's schemas. */
export type Dialect = 'draft-04' | 'draft-07' | '2020-12';

/** Swagger 2.0 and OpenAPI 3.0 schemas are draft-04 with OpenAPI's `nullable`; 3.1 is 2020-12; AsyncAPI draft-07. */
export function dialectOf(format: 'openapi' | 'asyncapi', specVersion: string): Dialect {
  if (format === 'asyncapi') return 'draft-07';
  return specVersion.startsWith('3.1') ? '2020-12' : 'draft-04';
}

type AnyAjv = InstanceType<typeof Ajv>;
const instances = new Map<Dialect, { ajv: AnyAjv; documents: number }>();

/**
 * An instance serves this many contracts, then a new one takes over: creating one costs more than
 * validating, but Ajv keeps what it compiled for a document after removeSchema, and a 1,000-API
 * check ran out of memory. At 25, each worker's heap held ~30 MB more than at 10, for no time saved.
 */
const documentsPerInstance = 10;

function ajvFor(dialect: Dialect, newDocument = false): AnyAjv {
  let entry = instances.get(dialect);
  if (entry && newDocument && ++entry.documents > documentsPerInstance) entry = undefined;
  if (!entry) {
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
    entry = { ajv, documents: newDocument ? 1 : 0 };
    instances.set(dialect, entry);
  }
  return entry.ajv;
}

let nextId = 0;

/**
 * Validators for schemas inside one document (a contract), found by JSON pointer, with the
 * document's own `$ref`s resolved. `release` forgets the document when its contract is done.
 */
export function documentValidators(document: object, dialect: Dialect): { at(pointer: string): ValidateFunction | undefined; release(): void } {
  const ajv = ajvFor(dialect, true);
  const id = `urn:portolan:contract:${++nextId}`;
  ajv.addSchema(document as never, id);
  const compiled = new Map<string, ValidateFunction | undefined>();
  const wrappers: object[] = [];
  return {
    at(pointer) {
      if (!compiled.has(pointer)) {
        const wrapper = { $ref: `${id}#${pointer.split('/').map(encodeURIComponent).join('/')}` };
        wrappers.push(wrapper);
        let validate: ValidateFunction | undefined;
        try {
          validate = ajv.compile(wrapper);
        } catch {
          validate = undefined;
        }
        compiled.set(pointer, validate);
      }
      return compiled.get(pointer);
    },
    release() {
      for (const wrapper of wrappers) ajv.removeSchema(wrapper as never);
      ajv.removeSchema(id);
    },
  };
}

/** A validator for a schema given as a value (AsyncAPI payloads, already dereferenced); undefined when it cannot be compiled. */
export function valueValidator(schema: unknown, dialect: Dialect): ValidateFunction | undefined {
  try {
    return ajvFor(dialect).compile(schema as never);
  } catch {
    return undefined;
  }
}
