import { isRecord } from '../catalog/is-record.ts';
import type { Binding } from '../catalog/model.ts';

/** One labelled value of a binding as a page shows it: text only, escaped by the template. */
export interface BindingRow {
  label: string;
  value: string;
  /** A name or an identifier (a topic, an exchange): shown as code. */
  code?: boolean;
  /** What the contract says of it (a key schema's description), Markdown. */
  note?: string;
}

type Format = (value: unknown) => Pick<BindingRow, 'value' | 'note' | 'code'> | undefined;
interface Field {
  label: string;
  format?: Format;
}

const name: Format = (value) => (typeof value === 'string' ? { value, code: true } : undefined);
const qos: Record<string, string> = { 0: '0, at most once', 1: '1, at least once', 2: '2, exactly once' };
const deliveryModes: Record<string, string> = { 1: 'transient', 2: 'persistent' };
const fromTable =
  (table: Record<string, string>): Format =>
  (value) =>
    typeof value === 'number' && Object.hasOwn(table, String(value)) ? { value: table[String(value)]! } : undefined;

/** The fields of the common bindings (AsyncAPI bindings: Kafka, AMQP, MQTT, HTTP, WebSockets), in the order readers look for them. */
const known: Record<string, Record<string, Field>> = {
  kafka: {
    topic: { label: 'Topic', format: name },
    partitions: { label: 'Partitions' },
    replicas: { label: 'Replicas' },
    groupId: { label: 'Consumer group' },
    clientId: { label: 'Client id' },
    key: { label: 'Key' },
    schemaIdLocation: { label: 'Schema id location' },
    schemaIdPayloadEncoding: { label: 'Schema id encoding' },
    schemaLookupStrategy: { label: 'Schema lookup strategy' },
    topicConfiguration: { label: 'Topic configuration' },
  },
  amqp: {
    is: {
      label: 'Channel is',
      format: (v) => (v === 'routingKey' ? { value: 'a routing key on an exchange' } : v === 'queue' ? { value: 'a queue' } : undefined),
    },
    exchange: { label: 'Exchange' },
    queue: { label: 'Queue' },
    deliveryMode: { label: 'Delivery mode', format: fromTable(deliveryModes) },
    expiration: { label: 'Expiration', format: (v) => (typeof v === 'number' ? { value: duration(v) } : undefined) },
    priority: { label: 'Priority' },
    mandatory: { label: 'Mandatory' },
    ack: { label: 'Acknowledged' },
    cc: { label: 'CC routing keys' },
    bcc: { label: 'BCC routing keys' },
    userId: { label: 'User id' },
    timestamp: { label: 'Timestamp' },
    replyTo: { label: 'Reply to', format: name },
    contentEncoding: { label: 'Content encoding' },
    messageType: { label: 'Message type', format: name },
  },
  mqtt: {
    qos: { label: 'Quality of service', format: fromTable(qos) },
    retain: { label: 'Retained' },
    messageExpiryInterval: { label: 'Expires after', format: (v) => (typeof v === 'number' ? { value: duration(v * 1000) } : undefined) },
  },
  http: { method: { label: 'Method', format: name }, statusCode: { label: 'Status' }, query: { label: 'Query' }, headers: { label: 'Headers' } },
  ws: { method: { label: 'Method', format: name }, query: { label: 'Query' }, headers: { label: 'Headers' } },
};

/** Kafka topic settings readers know by their meaning; others keep their Kafka name. */
const topicSettings: Record<string, string> = {
  'retention.ms': 'Retention',
  'retention.bytes': 'Retention size',
  'cleanup.policy': 'Cleanup policy',
  'delete.retention.ms': 'Tombstones kept',
  'max.message.bytes': 'Largest message',
};

/** How many rows a binding shows at most, so that one holding a whole schema keeps a page small. */
const maxRows = 40;

/**
 * A binding's fields as labelled rows: the common fields of Kafka, AMQP, MQTT, HTTP and WebSocket
 * bindings first, named for readers, then every other field as the contract writes it, nested
 * objects flattened (`exchange › type`), schemas summarised (`string: the order identifier`).
 * `x-` extensions are left out. A Kafka channel's topic is its address unless the binding names one.
 */
export function bindingRows(binding: Binding, address?: string): BindingRow[] {
  const fields = Object.hasOwn(known, binding.protocol) ? known[binding.protocol]! : {};
  const values = binding.values;
  const rows: BindingRow[] = [];
  if (binding.protocol === 'kafka' && address !== undefined && values['topic'] === undefined && ('partitions' in values || 'replicas' in values)) {
    rows.push({ label: 'Topic', value: address, code: true, note: 'the channel’s address' });
  }
  const keys = [...Object.keys(fields).filter((key) => key in values), ...Object.keys(values).filter((key) => !Object.hasOwn(fields, key))];
  for (const key of keys) {
    if (key.startsWith('x-')) continue;
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const value = values[key];
    const label = field?.label ?? sentenceCase(key);
    if (binding.protocol === 'kafka' && key === 'topicConfiguration' && isRecord(value)) rows.push(...topicRows(value));
    else rows.push(...rowsOf(label, value, field?.format));
  }
  return rows.slice(0, maxRows);
}

function topicRows(config: Record<string, unknown>): BindingRow[] {
  return Object.entries(config)
    .filter(([key]) => !key.startsWith('x-'))
    .flatMap(([key, value]) => {
      const label = Object.hasOwn(topicSettings, key) ? topicSettings[key]! : key;
      if (key.endsWith('.ms') && typeof value === 'number') return [{ label, value: duration(value) }];
      if (key.endsWith('.bytes') && typeof value === 'number') return [{ label, value: bytes(value) }];
      return rowsOf(label, value);
    });
}

/** The rows of one field: a scalar or list is one row, a schema one row with its description, an object one row per field. */
function rowsOf(label: string, value: unknown, format?: Format): BindingRow[] {
  const formatted = format?.(value);
  if (formatted) return [{ label, ...formatted }];
  if (Array.isArray(value)) return [{ label, value: value.map(scalarText).join(', ') }];
  if (!isRecord(value)) return [{ label, value: scalarText(value) }];
  if (isSchema(value)) return schemaRows(label, value);
  return Object.entries(value)
    .filter(([key]) => !key.startsWith('x-'))
    .flatMap(([key, child]) => rowsOf(`${label} › ${sentenceCase(key).toLowerCase()}`, child, key === 'name' ? name : undefined));
}

const schemaKeys = ['properties', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', 'items', 'format', 'pattern'];
const schemaTypes = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
/** A schema, not an object such as an AMQP exchange, whose `type` is `topic` or `fanout`. */
const isSchema = (value: Record<string, unknown>) =>
  schemaKeys.some((key) => key in value) || (typeof value['type'] === 'string' && schemaTypes.has(value['type']));

/** A schema's row, or one row per property of an object schema (HTTP headers, a Kafka key of several fields). */
function schemaRows(label: string, schema: Record<string, unknown>): BindingRow[] {
  const properties = schema['properties'];
  if (!isRecord(properties) || Object.keys(properties).length === 0) return [{ label, ...schemaSummary(schema) }];
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  return Object.entries(properties).map(([property, child]) => {
    const summary = isRecord(child) ? schemaSummary(child) : { value: 'schema' };
    return { label: `${label} › ${property}`, ...summary, value: `${summary.value}${required.has(property) ? ', required' : ''}` };
  });
}

/** A schema in a few words: its type and format, its allowed values or properties, and its description as a note. */
function schemaSummary(schema: Record<string, unknown>): Pick<BindingRow, 'value' | 'note'> {
  const type = [schema['type'], schema['format']].filter((part) => typeof part === 'string').join(', ') || 'schema';
  const values = Array.isArray(schema['enum'])
    ? `one of ${schema['enum'].map(scalarText).join(', ')}`
    : 'const' in schema
      ? `always ${scalarText(schema['const'])}`
      : typeof schema['pattern'] === 'string'
        ? `matching ${schema['pattern']}`
        : '';
  const properties = isRecord(schema['properties']) ? `with ${Object.keys(schema['properties']).join(', ')}` : '';
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  return { value: [type, values || properties].filter(Boolean).join(': '), ...(description ? { note: description } : {}) };
}

function scalarText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/** `topicConfiguration` → "Topic configuration", `retention.ms` stays. */
function sentenceCase(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const units: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/** 1209600000 ms → "14 days (1209600000 ms)"; -1 is Kafka's "forever". */
export function duration(ms: number): string {
  if (ms < 0) return `unlimited (${ms} ms)`;
  const unit = units.find(([size]) => ms >= size && ms % size === 0);
  if (!unit) return `${ms} ms`;
  const count = ms / unit[0];
  return `${count} ${unit[1]}${count === 1 ? '' : 's'} (${ms} ms)`;
}

function bytes(size: number): string {
  if (size < 0) return `unlimited (${size} bytes)`;
  const mib = size / 1_048_576;
  return Number.isInteger(mib) && mib > 0 ? `${mib} MiB (${size} bytes)` : `${size} bytes`;
}
