import { toPointer } from '../catalog/examples/json-pointer.ts';
import { isRecord } from '../catalog/is-record.ts';
import { nodeAt, nodeOf, recordAt, rootsBeside, sectionParts, tagParts, type Part, type PartKind, type Shape } from './reachable-parts.ts';

type Json = Record<string, unknown>;

/** The kinds of parts of the components' sections that the audit names apart. */
const kinds: Record<string, PartKind> = { schemas: 'schema', securitySchemes: 'security scheme', messages: 'message', tags: 'tag' };

/**
 * The parts of an AsyncAPI 2.x or 3.x document: its channels and servers, its components of every
 * section, its tags (AsyncAPI 3: `info.tags`) and, in 3.x, its operations. The roots are the
 * channels that still hold an operation (2.x) or the operations on a channel that is still there
 * (3.x); a channel reaches its messages, and the servers it names (all of them when it names none).
 */
export function asyncApiShape(document: Json): Shape {
  const v3 = !String(document['asyncapi']).startsWith('2.');
  const channels = sectionParts(document, ['channels'], 'channel', ['address']);
  const servers = sectionParts(document, ['servers'], 'server');
  const operations = v3 ? sectionParts(document, ['operations'], 'operation') : [];
  const parts: Part[] = [...channels, ...servers, ...operations, ...tagParts(document, v3 ? ['info', 'tags'] : ['tags']), ...messagesOfChannels(document, v3)];
  for (const section of Object.keys(recordAt(document, ['components']) ?? {})) {
    const kind = kinds[section] ?? 'component';
    parts.push(...sectionParts(document, ['components', section], kind, kind === 'message' ? ['messageId', 'name'] : kind === 'tag' ? ['name'] : []));
  }
  const roots = v3
    ? [
        ...rootsBeside(document, new Set(['channels', 'servers', 'operations', 'components', 'info'])),
        ...rootsBeside(recordAt(document, ['info']) ?? {}, new Set(['tags'])).map((pointer) => `#/info${pointer.slice(1)}`),
        ...operations.filter((op) => hasChannel(document, nodeOf(op))).map((op) => op.pointer),
      ]
    : [
        ...rootsBeside(document, new Set(['channels', 'servers', 'components', 'tags'])),
        ...channels
          .filter((channel) => isRecord(nodeOf(channel)) && ['publish', 'subscribe'].some((op) => op in (nodeOf(channel) as Json)))
          .map((channel) => channel.pointer),
      ];
  const serverPointers = servers.map((part) => part.pointer);
  return {
    parts,
    roots,
    schemeAt: (name) => `#${toPointer(['components', 'securitySchemes', name])}`,
    schemaAt: (name) => `#${toPointer(['components', 'schemas', name])}`,
    partLinks: (part, node) => {
      if (part.kind !== 'channel' || !isRecord(node)) return [];
      const named = node['servers'];
      if (named === undefined) return serverPointers;
      // AsyncAPI 2 names them; AsyncAPI 3 refers to them, which the walk follows.
      return Array.isArray(named) ? named.filter((name) => typeof name === 'string').map((name) => `#${toPointer(['servers', name])}`) : [];
    },
  };
}

/** An AsyncAPI 3 operation whose channel is still in the document. */
function hasChannel(document: Json, operation: unknown): boolean {
  const channel = isRecord(operation) ? operation['channel'] : undefined;
  if (!isRecord(channel)) return false;
  return typeof channel['$ref'] !== 'string' || nodeAt(document, channel['$ref']) !== undefined;
}

/**
 * The messages written in the channels (AsyncAPI 3) or their operations (AsyncAPI 2), so that the
 * audit can name them when their channel goes: never removed on their own.
 */
function messagesOfChannels(document: Json, v3: boolean): Part[] {
  const found: Part[] = [];
  const add = (path: (string | number)[], holder: Json | unknown[], key: string | number, message: unknown) => {
    const names = [
      ...(v3 ? [String(key)] : []),
      ...['messageId', 'name'].flatMap((field) => (isRecord(message) && typeof message[field] === 'string' ? [message[field]] : [])),
    ];
    const pointer = `#${toPointer(path)}`;
    found.push({ id: pointer, kind: 'message', names, pointer, holder, key, nested: true });
  };
  for (const [channel, item] of Object.entries(recordAt(document, ['channels']) ?? {})) {
    if (v3) {
      const messages = recordAt(item, ['messages']) ?? {};
      for (const [key, message] of Object.entries(messages)) add(['channels', channel, 'messages', key], messages, key, message);
      continue;
    }
    for (const op of ['publish', 'subscribe']) {
      const message = recordAt(item, [op, 'message']);
      const variants = message?.['oneOf'];
      if (Array.isArray(variants)) variants.forEach((variant, index) => add(['channels', channel, op, 'message', 'oneOf', index], variants, index, variant));
      else if (message) add(['channels', channel, op, 'message'], recordAt(item, [op])!, 'message', message);
    }
  }
  return found;
}
