import { stringify } from 'yaml';
import { fileSchemas, type FileKind } from '../catalog/schema/index.ts';
import { jsonSchemaOf } from '../catalog/schema/json-schema.ts';
import { idPattern } from '../catalog/schema/id-pattern.ts';

/** The part of a JSON Schema the reference reads. */
interface Node {
  type?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  enum?: string[];
  format?: string;
  pattern?: string;
  title?: string;
  contentMediaType?: string;
  properties?: Record<string, Node>;
  required?: string[];
  propertyNames?: Node;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
}

/** One row of the field reference. */
export interface FieldRow {
  path: string;
  type: string;
  required: string;
  description: string | undefined;
  examples: unknown[];
}

/** Markdown for a README, or MDX for a guide (where `{` and `<` are syntax). */
export type Dialect = 'md' | 'mdx';

/** Every field of a file kind, nested paths with dots, array items as `[]`, map keys as `<key>`. */
export function fieldRows(kind: FileKind): FieldRow[] {
  const rows: FieldRow[] = [];
  addChildren(JSON.parse(jsonSchemaOf(kind)) as Node, '', rows);
  return rows;
}

function addChildren(node: Node, path: string, rows: FieldRow[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) addField(child, join(path, key), requiredText(node, key, child), rows);
  if (typeof node.additionalProperties === 'object') {
    addField(node.additionalProperties, join(path, `<${node.propertyNames?.title ?? 'key'}>`), 'one per key', rows);
  }
  if (node.items) addChildren(node.items, `${path}[]`, rows);
  for (const alternative of node.anyOf ?? []) addChildren(alternative, path, rows);
}

function addField(node: Node, path: string, required: string, rows: FieldRow[]): void {
  rows.push({ path, type: typeOf(node), required, description: node.description, examples: node.examples ?? [] });
  addChildren(node, path, rows);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function requiredText(parent: Node, key: string, node: Node): string {
  if (parent.required?.includes(key)) return 'yes';
  const isScalar = typeof node.default === 'string' || typeof node.default === 'number' || typeof node.default === 'boolean';
  return isScalar ? `no, default \`${String(node.default)}\`` : 'no';
}

function typeOf(node: Node, plural = false): string {
  const s = plural ? 's' : '';
  if (node.anyOf) return node.anyOf.map((alternative) => typeOf(alternative, plural)).join(plural ? ' or ' : ', or ');
  if (node.enum) return `one of ${node.enum.map((value) => `\`${value}\``).join(', ')}`;
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items, true) : 'values'}`;
  if (node.type === 'object' && typeof node.additionalProperties === 'object' && !node.properties) {
    return `map of ${node.propertyNames?.title ?? 'key'} → ${typeOf(node.additionalProperties)}`;
  }
  if (node.type === 'string') {
    if (node.contentMediaType === 'text/markdown') return plural ? 'Markdown texts' : 'Markdown';
    if (node.format === 'uri') return `URL${s}`;
    if (node.format === 'date') return `date${s} (YYYY-MM-DD)`;
    if (node.pattern === idPattern.source) return `identifier${s}`;
  }
  return `${node.type ?? 'value'}${s}`;
}

/** The field reference of every file kind, one heading per file at the given level. */
export function renderFieldReference(dialect: Dialect, headingLevel: number): string {
  return (Object.keys(fileSchemas) as FileKind[]).map((kind) => renderKind(kind, dialect, headingLevel)).join('\n\n');
}

function renderKind(kind: FileKind, dialect: Dialect, headingLevel: number): string {
  const root = JSON.parse(jsonSchemaOf(kind)) as Node;
  const lines = [
    `${'#'.repeat(headingLevel)} ${kind}.yaml`,
    '',
    text(root.description ?? '', dialect),
    '',
    // A guide's table scrolls sideways on a phone: in a region the keyboard can reach and scroll.
    ...(dialect === 'mdx' ? [`<div className="table-scroll" tabIndex={0} role="region" aria-label="${kind}.yaml fields">`, ''] : []),
    '| Field | Type | Required | Description |',
    '| --- | --- | --- | --- |',
  ];
  for (const row of fieldRows(kind)) {
    if (!row.description) throw new Error(`${kind}.yaml field "${row.path}" has no description: add one with .meta({ description }) in src/catalog/schema/`);
    const example = row.examples.length > 0 ? ` Example: ${row.examples.map((value) => code(inlineYaml(value))).join(', ')}.` : '';
    lines.push(`| ${code(row.path)} | ${text(row.type, dialect)} | ${text(row.required, dialect)} | ${text(row.description, dialect)}${example} |`);
  }
  if (dialect === 'mdx') lines.push('', '</div>');
  return lines.join('\n');
}

function inlineYaml(value: unknown): string {
  if (typeof value === 'string') return value;
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.replaceAll('|', '\\|')}${fence}`;
}

/** Table-cell text: pipes escaped, and in MDX the braces and angle brackets outside code spans. */
function text(value: string, dialect: Dialect): string {
  return value
    .split(/(`[^`]*`)/)
    .map((part, index) => {
      const cell = part.replaceAll('|', '\\|');
      return index % 2 === 1 || dialect === 'md' ? cell : cell.replace(/[{}<>]/g, (c) => `\\${c}`);
    })
    .join('');
}
