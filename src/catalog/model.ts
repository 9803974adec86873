import type { ApiConfig } from './schema/api.ts';
import type { PortalConfig } from './schema/portal.ts';

/** Who may read something: public ⊂ partner ⊂ internal. */
export type Audience = ApiConfig['audience'];

/** Where something was written: a catalogue-relative file and, when known cheaply, a 1-based line. */
export interface SourceRef {
  file: string;
  line?: number;
}

/** An owning team. */
export interface Team {
  id: string;
  name: string;
  productOwner?: string;
  contact?: string;
}

/** An industry framework mapping. */
export interface FrameworkRef {
  name: string;
  ref: string;
}

/** A business domain; `parent` is set for sub-domains. */
export interface Domain {
  id: string;
  name: string;
  summary?: string;
  description?: string;
  owner?: string;
  framework?: FrameworkRef;
  parent?: string;
  /** Ancestor ids, outermost first, then this domain's id. */
  trail: string[];
  source: SourceRef;
}

/** A business service inside a domain. */
export interface Service {
  id: string;
  name: string;
  summary?: string;
  description?: string;
  owner: string;
  framework?: FrameworkRef;
  domain: string;
  source: SourceRef;
}

/** One OK or KO example of an operation or message. */
export interface Example {
  /** HTTP status for OpenAPI examples; absent for messages. */
  status?: string;
  label: string;
  ok: boolean;
  summary?: string;
  request?: unknown;
  response?: unknown;
  payload?: unknown;
  headers?: unknown;
  /** Sampled from the schema because the catalogue has no OK example for the operation. */
  generated?: boolean;
  source: SourceRef;
}

/** A JSON Schema reduced for static HTML: cycles cut, depth and size capped, component names kept. */
export interface SchemaView {
  name?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: string[];
  default?: string;
  nullable?: boolean;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  constraints?: string[];
  properties?: PropertyView[];
  items?: SchemaView;
  additional?: SchemaView;
  variants?: { kind: 'oneOf' | 'anyOf' | 'allOf'; schemas: SchemaView[] };
  /** Marked x-internal: removed from public and partner builds. */
  internal?: boolean;
  /** A named component, shown in the page's schema section and linked from here. */
  ref?: boolean;
  /** A reference back to an enclosing schema, not expanded again. */
  circular?: boolean;
  /** Not expanded further, to keep the page small. */
  truncated?: boolean;
}

/** One property of an object schema. */
export interface PropertyView {
  name: string;
  required: boolean;
  internal: boolean;
  schema: SchemaView;
}

/** A body in one media type. */
export interface MediaView {
  mediaType: string;
  schema?: SchemaView;
}

/** A parameter of an HTTP operation. */
export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  internal: boolean;
  schema?: SchemaView;
}

/** A declared response of an HTTP operation. */
export interface ResponseInfo {
  status: string;
  description?: string;
  content: MediaView[];
  headers: { name: string; description?: string; schema?: SchemaView }[];
}

/** A message an AsyncAPI operation sends or receives. */
export interface MessageInfo {
  id: string;
  name?: string;
  title?: string;
  summary?: string;
  contentType?: string;
  payload?: SchemaView;
  headers?: SchemaView;
  examples: Example[];
  /** The message's protocol bindings (a Kafka key, AMQP or HTTP headers), when it has some. */
  bindings?: Binding[];
}

/**
 * A protocol binding of an AsyncAPI channel, operation or message (`kafka`, `amqp`, `mqtt`,
 * `http`…): its fields as written, `bindingVersion` aside. The values are untrusted: pages show
 * them as escaped text.
 */
export interface Binding {
  protocol: string;
  bindingVersion?: string;
  /** Plain JSON, depth and size capped; link fields of a refused scheme are left out. */
  values: Record<string, unknown>;
  /** Marked `x-internal: true`: removed from public and partner builds. */
  internal?: boolean;
}

/** A parameter of an AsyncAPI channel address (`{partnerId}`). */
export interface ChannelParameter {
  name: string;
  description?: string;
  enum?: string[];
  default?: string;
  examples?: string[];
  /** Where a runtime value comes from (`$message.payload#/user/id`). */
  location?: string;
  internal: boolean;
}

/** The AsyncAPI channel an event operation is on, with what a reader needs to connect to it. */
export interface Channel {
  /** The channel's key in the contract. */
  id: string;
  address?: string;
  title?: string;
  description?: string;
  parameters: ChannelParameter[];
  bindings: Binding[];
  /** The servers the channel is available on (all of the contract's when it names none). */
  servers: Server[];
}

/** An HTTP operation, or an AsyncAPI send/receive operation on a channel. */
export interface Operation {
  /** A slug, unique in its API, safe as an HTML anchor: the operation's anchor before `anchor`, kept as an alias so old links still land. */
  id: string;
  /** The operation's HTML id on its page: the operationId when it is safe and free, else `id` (contracts/anchors.ts). */
  anchor: string;
  operationId?: string;
  /** `http`, or what the AsyncAPI application does (send/receive, the contract's point of view). */
  kind: 'http' | 'send' | 'receive';
  /** What the portal's reader does with the messages, the application's counterpart (asyncapi-action.ts). */
  readerAction?: 'send' | 'receive';
  /** AsyncAPI: a heading unique in the contract (title, summary, operation id, else message names). */
  title?: string;
  method?: string;
  path?: string;
  /** AsyncAPI: the channel's address, else its key. */
  channel?: string;
  /** AsyncAPI: the channel itself. */
  channelDetails?: Channel;
  /** AsyncAPI: the operation's protocol bindings (a Kafka consumer group, an MQTT qos, an HTTP method). */
  bindings?: Binding[];
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  internal: boolean;
  parameters: Parameter[];
  /** Security requirements: each names a scheme and the scopes it needs (OpenAPI; empty for AsyncAPI for now). */
  security: { scheme: string; scopes: string[] }[];
  requestBody?: { required: boolean; description?: string; content: MediaView[] };
  responses: ResponseInfo[];
  messages: MessageInfo[];
  examples: Example[];
  source: SourceRef;
}

/** A server or environment an API answers on. */
export interface Server {
  name: string;
  url: string;
  description?: string;
  /** AsyncAPI: the protocol (`kafka-secure`, `amqp`, `https`) and its version. */
  protocol?: string;
  protocolVersion?: string;
  /** Marked `x-internal: true`: shown to internal readers only. */
  internal?: boolean;
}

/** A security scheme, with its OAuth 2 flows and scopes when it has some. */
export interface SecurityScheme {
  name: string;
  type: string;
  description?: string;
  openIdConnectUrl?: string;
  flows: { flow: string; authorizationUrl?: string; tokenUrl?: string; scopes: Record<string, string> }[];
}

/** The contract of an API, normalised from OpenAPI 2.0/3.x or AsyncAPI 2.x/3.x. */
export interface Contract {
  format: 'openapi' | 'asyncapi';
  specVersion: string;
  file: string;
  title: string;
  version: string;
  description?: string;
  servers: Server[];
  securitySchemes: SecurityScheme[];
  operations: Operation[];
  /** Named component schemas the operations use, each expanded once. */
  schemas: { name: string; schema: SchemaView }[];
  /** The contract as written (not dereferenced), kept when a build needs it. */
  document?: unknown;
}

/** A consumer of an API: another API of the catalogue, or a named application and who may read its name. */
export type Consumer = { kind: 'api'; id: string } | { kind: 'app'; name: string; audience: Audience };

/** An extra business page of an API (docs/*.md). */
export interface DocPage {
  slug: string;
  title: string;
  markdown: string;
  source: SourceRef;
}

/** One API: business metadata, its contract and its place in the taxonomy. */
export interface Api extends Omit<ApiConfig, 'consumers' | 'owner' | 'contract'> {
  id: string;
  owner: string;
  domain: string;
  service?: string;
  consumers: Consumer[];
  dependsOn: string[];
  contract: Contract;
  docs: DocPage[];
  source: SourceRef;
}

/** The whole catalogue as every page and derived view reads it. */
export interface Catalog {
  portal: PortalConfig;
  teams: Team[];
  domains: Domain[];
  services: Service[];
  apis: Api[];
  /** glossary.yaml's terms, in the file's order; empty without one. The same for every audience. */
  glossary: GlossaryTerm[];
  /** The rows of usage/*.csv that passed; internal builds only (the audience filter drops them). */
  usage?: UsageRow[];
}

/** A synonym of a glossary term, with the locale it is a word of when the glossary says. */
export interface GlossarySynonym {
  text: string;
  locale?: string;
}

/** A business term of glossary.yaml and the other words readers use for it. */
export interface GlossaryTerm {
  term: string;
  synonyms: GlossarySynonym[];
}

/** One row of a gateway export, catalog/usage/*.csv. */
export interface UsageRow {
  api: string;
  consumer: string;
  /** YYYY-MM. */
  month: string;
  calls: number;
  errors: number;
}
