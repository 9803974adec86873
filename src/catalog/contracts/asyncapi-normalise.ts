import { isRecord } from '../is-record.ts';
import type { AsyncAPIDocumentInterface, MessageInterface } from '@asyncapi/parser';
import type { Contract, Example, MessageInfo, Operation, SchemaView, Server } from '../model.ts';
import { componentNames, createSchemaCatalog, limitsFor, type SchemaCatalog } from './schema-view.ts';
import type { SourceDocument } from '../read-yaml.ts';
import { uniqueAnchor, withAnchors } from './anchors.ts';
import { contractExampleOrigin } from '../examples/asyncapi-examples.ts';
import { exampleOrigins } from '../examples/origins.ts';
import { securitySchemes } from './openapi-normalise.ts';
import { isPublishableServer, serverUrlOf } from '../server-urls.ts';
import { readerActionOf } from './asyncapi-action.ts';
import { bindingsOf } from './asyncapi-bindings.ts';
import { channelOf } from './asyncapi-channel.ts';
import { distinctTitles } from './asyncapi-titles.ts';

/** The normalised contract of a parsed AsyncAPI 2.x or 3.x document. */
export function normaliseAsyncApi(document: AsyncAPIDocumentInterface, doc: SourceDocument): Omit<Contract, 'file'> {
  const info = document.info();
  const schemes = Object.fromEntries(document.components().securitySchemes().all().map((s) => [s.id(), s.json()]));
  const schemas = createSchemaCatalog(componentNames(Object.fromEntries(document.components().schemas().all().map((s) => [s.id(), s.json()]))));
  // Servers with an unsafe URL are left out (server-urls.ts); `check` warns about them.
  const servers = document.servers().all().filter((server) => isPublishableServer(server.json())).map((server): Server => ({
    name: server.id(),
    // The parser's host() reads AsyncAPI 2's `broker.example:9092` as a path, and throws on `localhost`.
    url: serverUrlOf(server.json()) ?? '',
    ...(server.description() ? { description: server.description()! } : {}),
    ...(server.protocol() ? { protocol: server.protocol() } : {}),
    ...(server.protocolVersion() ? { protocolVersion: server.protocolVersion()! } : {}),
    ...(server.json()['x-internal'] === true ? { internal: true } : {}),
  }));
  const ops = operations(document, doc, schemas, servers);
  return {
    format: 'asyncapi',
    specVersion: document.version(),
    title: info.title(),
    version: info.version(),
    ...(info.description() ? { description: info.description()! } : {}),
    servers,
    securitySchemes: securitySchemes(schemes),
    operations: ops,
    schemas: schemas.referencedComponents(),
  };
}

function operations(document: AsyncAPIDocumentInterface, doc: SourceDocument, schemas: SchemaCatalog, servers: readonly Server[]): Operation[] {
  const anchors = new Set<string>();
  const all = document.operations().all();
  const perOperation = limitsFor(all.length).maxNodes;
  const titles = distinctTitles(
    all.map((op) => {
      const channel = op.channels().all()[0];
      return {
        title: stringOf(op.json()['title']),
        summary: op.summary(),
        operationId: op.operationId() ?? op.id(),
        messages: op.messages().all().map((m) => m.title() ?? m.name() ?? m.id()),
        channel: channel?.address() ?? channel?.id(),
      };
    }),
  );
  const slugged = all.map((op, index): Omit<Operation, 'anchor'> => {
    const channel = op.channels().all()[0];
    const operationId = op.operationId() ?? op.id() ?? `operation-${anchors.size + 1}`;
    const json = op.json() as Record<string, unknown>;
    const readerAction = readerActionOf(op.action());
    const bindings = bindingsOf(json['bindings']);
    return {
      id: uniqueAnchor(operationId, anchors),
      operationId,
      kind: op.isSend() ? 'send' : 'receive',
      ...(readerAction ? { readerAction } : {}),
      title: titles[index]!,
      ...(channel ? { channel: channel.address() ?? channel.id(), channelDetails: channelOf(channel, servers) } : {}),
      ...(op.summary() ? { summary: op.summary()! } : {}),
      ...(op.description() ? { description: op.description()! } : {}),
      tags: op.tags().all().map((t) => t.name()),
      deprecated: json['deprecated'] === true,
      internal: json['x-internal'] === true,
      parameters: [],
      security: securityRequirements(json['security']),
      responses: [],
      messages: op.messages().all().map((m) => {
        const budget = { nodes: perOperation };
        return toMessage(m, doc, (schema) => schemas.viewFor(schema, budget));
      }),
      ...(bindings.length > 0 ? { bindings } : {}),
      examples: [],
      source: { file: doc.file },
    };
  });
  return withAnchors(slugged);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * An AsyncAPI 2 operation's security requirements (`{ scheme: [scopes] }`), so that scopes only
 * hidden operations ask for can be told. AsyncAPI 3 lists the schemes themselves, which the
 * audience filter follows as parts of the contract.
 */
function securityRequirements(value: unknown): Operation['security'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((requirement) =>
    isRecord(requirement) && typeof requirement['type'] !== 'string'
      ? Object.entries(requirement).flatMap(([scheme, scopes]) => (Array.isArray(scopes) ? [{ scheme, scopes: scopes.filter((s): s is string => typeof s === 'string') }] : []))
      : [],
  );
}

function toMessage(message: MessageInterface, doc: SourceDocument, view: (schema: unknown) => SchemaView | undefined): MessageInfo {
  const payload = view(message.payload()?.json());
  const headers = view(message.headers()?.json());
  const bindings = bindingsOf(message.json()['bindings']);
  const examples = message.examples().all().map((example, index): Example => {
    const value: Example = {
      label: example.name() ?? `example-${index + 1}`,
      ok: true,
      ...(example.summary() ? { summary: example.summary()! } : {}),
      ...(example.hasPayload() ? { payload: example.payload() } : {}),
      ...(example.hasHeaders() ? { headers: example.headers() } : {}),
      source: { file: doc.file },
    };
    exampleOrigins.set(value, contractExampleOrigin(doc, example.meta('pointer')));
    return value;
  });
  return {
    id: message.id(),
    ...(message.name() ? { name: message.name()! } : {}),
    ...(message.title() ? { title: message.title()! } : {}),
    ...(message.summary() ? { summary: message.summary()! } : {}),
    ...(message.contentType() ? { contentType: message.contentType()! } : {}),
    ...(payload ? { payload } : {}),
    ...(headers ? { headers } : {}),
    examples,
    ...(bindings.length > 0 ? { bindings } : {}),
  };
}
