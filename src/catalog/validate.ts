import type { z } from 'astro/zod';
import { diagnose, type Diagnostic, type StageResult } from './diagnostics.ts';
import type { PathSegment, SourceDocument } from './read-yaml.ts';
import { suggest } from './suggest.ts';

type Issue = z.core.$ZodIssue;

/** Validates a parsed file against its schema; every issue becomes a located diagnostic. */
export function validateDocument<S extends z.ZodType>(schema: S, doc: SourceDocument): StageResult<z.output<S> | undefined> {
  const result = schema.safeParse(doc.value ?? {});
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => describeIssue(issue, doc, schema));
  return { value: undefined, diagnostics };
}

function describeIssue(issue: Issue, doc: SourceDocument, schema: z.ZodType): Diagnostic[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const field = path.length > 0 ? `"${path.join('.')}"` : 'the file';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = fieldsAt(schema, path);
        const suggestion = suggest(key, known);
        return diagnose('schema/unknown-field', doc.file, doc.locate([...path, key], 'key'), `"${[...path, key].join('.')}" is not a field of this file${suggestion ? `; did you mean "${suggestion}"?` : ''}`, {
          hint: known.length > 0 ? `Allowed fields here: ${known.join(', ')}.` : undefined,
        });
      });
    case 'invalid_union':
      return describeUnionIssue(issue, path, doc, schema);
    case 'invalid_key': {
      // A key of a mapping whose keys follow a pattern (a locale, an id): at the key, with the pattern's own words.
      const why = issue.issues.map((inner) => inner.message).join('; ');
      return [diagnose('schema/invalid', doc.file, doc.locate(path, 'key'), `the key ${field} ${why}`)];
    }
    case 'invalid_value':
      if (valueAt(doc.value, path) === undefined) {
        return [diagnose('schema/required', doc.file, doc.locate(path), `${field} is required`, { hint: `Add \`${String(path.at(-1))}:\`, one of: ${issue.values.map((v) => String(v)).join(', ')}.` })];
      }
      return [
        diagnose('schema/enum', doc.file, doc.locate(path), `${field} is ${JSON.stringify(valueAt(doc.value, path))}, which is not allowed`, {
          hint: `Use one of: ${issue.values.map((v) => String(v)).join(', ')}.`,
        }),
      ];
    case 'invalid_type': {
      const actual = valueAt(doc.value, path);
      if (actual === undefined) {
        return [diagnose('schema/required', doc.file, doc.locate(path), `${field} is required`, { hint: `Add \`${String(path.at(-1))}:\` (${issue.expected}).` })];
      }
      return [diagnose('schema/type', doc.file, doc.locate(path), `${field} must be ${article(issue.expected)}, not ${describeValue(actual)}`)];
    }
    default:
      return [diagnose('schema/invalid', doc.file, doc.locate(path), `${field} ${issue.message.replace(/^Invalid input: /, '')}`, { hint: hintFor(issue) })];
  }
}

/**
 * A value that matches none of the forms a field accepts (a consumer is a string or a mapping):
 * the issues of the form of the same type as the value, or else a wrong type naming every form.
 */
function describeUnionIssue(issue: Extract<Issue, { code: 'invalid_union' }>, path: PathSegment[], doc: SourceDocument, schema: z.ZodType): Diagnostic[] {
  const wrongType = (issues: readonly Issue[]) => issues.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  const sameType = issue.errors.find((issues) => issues.length > 0 && !wrongType(issues));
  if (sameType) return sameType.flatMap((inner) => describeIssue({ ...inner, path: [...path, ...inner.path] } as Issue, doc, schema));
  const forms = issue.errors.flatMap((issues) => issues.flatMap((i) => (i.code === 'invalid_type' ? [article(i.expected)] : [])));
  const field = path.length > 0 ? `"${path.join('.')}"` : 'the file';
  return [diagnose('schema/type', doc.file, doc.locate(path), `${field} must be ${forms.join(' or ')}, not ${describeValue(valueAt(doc.value, path))}`)];
}

function hintFor(issue: Issue): string {
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'Write the date as YYYY-MM-DD, e.g. 2027-06-30.';
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'Write an absolute http(s) URL, e.g. https://api.example.com/v1.';
  if (issue.code === 'invalid_format' && issue.format === 'regex') return 'Use lower-case ASCII letters, digits and hyphens, starting with a letter.';
  return 'See the catalogue format in the README.';
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  /** A pipe's input (a transformed value), a union's forms. */
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  /** A record's keys, an enum's values. */
  keyType?: z.ZodType;
  entries?: Record<string, string>;
}

/** The field names the schema accepts for the mapping at `path`. */
function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path, undefined]) {
    let def = defOf(current!);
    for (let inner = def.innerType ?? def.in; inner; inner = def.innerType ?? def.in) def = defOf(inner);
    // Of a union, the form that is a mapping: the only one with fields.
    if (def.options) def = def.options.map(defOf).find((option) => option.shape) ?? def;
    if (segment === undefined) return def.shape ? Object.keys(def.shape) : Object.values((def.keyType && defOf(def.keyType).entries) ?? {});
    current = def.shape?.[String(segment)] ?? def.element ?? def.valueType;
    if (!current) return [];
  }
  return [];
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDef;

/** The value found at `path` in a parsed file. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };
  return names[expected] ?? expected;
}
