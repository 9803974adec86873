import type { Api, Audience, Binding, Catalog, Contract, MediaView, Operation, SchemaView, Server } from '../catalog/model.ts';
import { hiddenPropertyNames, scrubExamples, withoutInternalTraces } from './internal-traces.ts';
import type { PartKind } from './reachable-parts.ts';
import { removedNames } from './removed-parts.ts';

/** A build audience. */
export type { Audience };

const rank: Record<Audience, number> = { public: 0, partner: 1, internal: 2 };

/** True when readers of `build` may see something meant for `audience` (public ⊂ partner ⊂ internal). */
export function isVisibleTo(audience: Audience, build: Audience): boolean {
  return rank[audience] <= rank[build];
}

/**
 * What a build for `audience` may hold: APIs of that audience and narrower ones,
 * without `x-internal` parts (unless internal), and only the domains, services and
 * teams that still hold a visible API. References to hidden APIs are dropped, and so are
 * consumers the audience may not read of and a private repository.
 */
export function filterByAudience(catalog: Catalog, audience: Audience): Catalog {
  const apis = catalog.apis.filter((api) => isVisibleTo(api.audience, audience));
  const visible = new Set(apis.map((a) => a.id));
  const keptApis = apis.map((api) => withoutHiddenReferences(api, visible, audience));

  const domainIds = new Set<string>();
  for (const api of keptApis) {
    for (const domain of catalog.domains.find((d) => d.id === api.domain)?.trail ?? []) domainIds.add(domain);
  }
  const serviceIds = new Set(keptApis.flatMap((a) => (a.service ? [a.service] : [])));
  const teamIds = new Set(keptApis.map((a) => a.owner));

  return {
    portal: withoutPrivateRepository({ ...catalog.portal, audience }),
    teams: catalog.teams.filter((t) => teamIds.has(t.id)),
    domains: catalog.domains.filter((d) => domainIds.has(d.id)).map((d) => (d.owner && !teamIds.has(d.owner) ? withoutOwner(d) : d)),
    services: catalog.services.filter((s) => serviceIds.has(s.id)),
    apis: keptApis,
    // Business vocabulary, not per audience: a word names no API (the leak audit checks the output).
    glossary: catalog.glossary,
    // The gateway's figures name consumers and volumes: internal readers only.
    ...(audience === 'internal' && catalog.usage ? { usage: catalog.usage } : {}),
  };
}

/** The portal settings without the repository when the build's readers may not know it (edit links go with it). */
function withoutPrivateRepository(portal: Catalog['portal']): Catalog['portal'] {
  if (!portal.repository || portal.repository.public || portal.audience === 'internal') return portal;
  const { repository: _repository, ...rest } = portal;
  return rest;
}

function withoutOwner<T extends { owner?: string }>(item: T): T {
  const { owner: _owner, ...rest } = item;
  return rest as T;
}

function withoutHiddenReferences(api: Api, visible: Set<string>, audience: Audience): Api {
  const { deprecation, replaces, ...rest } = api;
  const keptDeprecation = deprecation && {
    sunset: deprecation.sunset,
    ...(deprecation.replacedBy && visible.has(deprecation.replacedBy) ? { replacedBy: deprecation.replacedBy } : {}),
  };
  return {
    ...rest,
    ...(keptDeprecation ? { deprecation: keptDeprecation } : {}),
    ...(replaces && visible.has(replaces) ? { replaces } : {}),
    consumers: api.consumers.filter((c) => (c.kind === 'app' ? isVisibleTo(c.audience, audience) : visible.has(c.id))),
    dependsOn: api.dependsOn.filter((id) => visible.has(id)),
    contract: audience === 'internal' ? api.contract : withoutInternalParts(api.contract),
  };
}

/**
 * The contract without operations, parameters, schemas and properties marked `x-internal: true`,
 * and without what only they reached: channels, messages, components, tags, security schemes and
 * servers (reachable.ts), in the document and in the model the pages read.
 */
export function withoutInternalParts(contract: Contract): Contract {
  const document = contract.document !== undefined ? withoutInternalTraces(contract.document, stripInternal(contract.document)) : undefined;
  // Keys of hidden properties, also taken out of the examples shown and mocked.
  const hiddenKeys = document !== undefined ? hiddenPropertyNames(contract.document, document) : new Set<string>();
  const removed = document !== undefined ? removedNames(contract.document, document) : new Map<PartKind, Set<string>>();
  const gone = (kind: PartKind, name: string | undefined) => name !== undefined && removed.get(kind)?.has(name) === true;
  // An AsyncAPI operation goes with its channel; its x-internal messages go from it.
  const isHidden = (op: Operation) => op.internal || gone('operation', op.operationId) || gone('channel', op.channel);
  // OpenAPI servers are not parts of their own: only AsyncAPI's are named, and removed when unreached.
  const isShownServer = (server: Server) => !server.internal && (contract.format !== 'asyncapi' || !gone('server', server.name));
  const operations = contract.operations
    .filter((op) => !isHidden(op))
    .map((op) => ({ ...op, messages: op.messages.filter((m) => !gone('message', m.id) && !gone('message', m.name)) }))
    .map(withoutInternalSchemas)
    .map((op) => withoutInternalChannelParts(op, isShownServer))
    .map((op) => (hiddenKeys.size > 0 ? { ...op, examples: op.examples.map((example) => scrubbed(example, hiddenKeys)) } : op));
  const hidden = scopesOnlyForHidden(contract, isHidden);
  return {
    ...contract,
    operations,
    servers: contract.servers.filter(isShownServer),
    schemas: contract.schemas.filter((s) => !s.schema.internal && !gone('schema', s.name)).map((s) => ({ ...s, schema: visibleSchema(s.schema) })),
    securitySchemes: contract.securitySchemes
      .filter((scheme) => !gone('security scheme', scheme.name))
      .map((scheme) => ({
        ...scheme,
        flows: scheme.flows.map((flow) => ({ ...flow, scopes: withoutKeys(flow.scopes, hidden.get(scheme.name)) })),
      })),
    ...(document !== undefined ? { document: withoutScopes(document, hidden) } : {}),
  };
}

/** An example whose bodies no longer hold the hidden properties' keys. */
function scrubbed<T extends object>(example: T, keys: ReadonlySet<string>): T {
  const copy = structuredClone(example);
  scrubExamples(copy, keys, true);
  return copy;
}

/** An operation without its x-internal parameters, and without x-internal properties in any of its schemas. */
function withoutInternalSchemas(op: Operation): Operation {
  const media = (items: MediaView[]) => items.map((m) => (m.schema ? { ...m, schema: visibleSchema(m.schema) } : m));
  return {
    ...op,
    parameters: op.parameters.filter((p) => !p.internal).map((p) => (p.schema ? { ...p, schema: visibleSchema(p.schema) } : p)),
    ...(op.requestBody ? { requestBody: { ...op.requestBody, content: media(op.requestBody.content) } } : {}),
    responses: op.responses.map((r) => ({
      ...r,
      content: media(r.content),
      headers: r.headers.map((h) => (h.schema ? { ...h, schema: visibleSchema(h.schema) } : h)),
    })),
    messages: op.messages.map((m) => ({
      ...m,
      ...(m.payload ? { payload: visibleSchema(m.payload) } : {}),
      ...(m.headers ? { headers: visibleSchema(m.headers) } : {}),
    })),
  };
}

/** An event operation without the x-internal bindings and channel parameters, nor the hidden servers, of its channel, itself and its messages. */
function withoutInternalChannelParts(op: Operation, isShownServer: (server: Server) => boolean): Operation {
  const { channelDetails: channel, bindings } = op;
  return {
    ...op,
    ...(channel
      ? {
          channelDetails: {
            ...channel,
            parameters: channel.parameters.filter((p) => !p.internal),
            bindings: visibleBindings(channel.bindings),
            servers: channel.servers.filter(isShownServer),
          },
        }
      : {}),
    ...(bindings ? { bindings: visibleBindings(bindings) } : {}),
    messages: op.messages.map((m) => (m.bindings ? { ...m, bindings: visibleBindings(m.bindings) } : m)),
  };
}

/** Bindings without those marked x-internal, and without the x-internal objects inside the others. */
function visibleBindings(bindings: Binding[]): Binding[] {
  return bindings.filter((b) => !b.internal).map((b) => ({ ...b, values: stripInternal(b.values) as Record<string, unknown> }));
}

/** A schema tree without the properties and variants marked x-internal. */
export function visibleSchema(view: SchemaView): SchemaView {
  return {
    ...view,
    ...(view.properties
      ? { properties: view.properties.filter((p) => !p.internal && !p.schema.internal).map((p) => ({ ...p, schema: visibleSchema(p.schema) })) }
      : {}),
    ...(view.items ? { items: visibleSchema(view.items) } : {}),
    ...(view.additional ? { additional: visibleSchema(view.additional) } : {}),
    ...(view.variants ? { variants: { ...view.variants, schemas: view.variants.schemas.filter((v) => !v.internal).map(visibleSchema) } } : {}),
  };
}

/** Scopes that only hidden operations ask for: naming them would tell what the hidden operations do. */
function scopesOnlyForHidden(contract: Contract, isHidden: (op: Operation) => boolean): Map<string, Set<string>> {
  const used = (hidden: boolean) =>
    contract.operations.filter((op) => isHidden(op) === hidden).flatMap((op) => op.security.flatMap((r) => r.scopes.map((scope) => `${r.scheme}\0${scope}`)));
  const visible = new Set(used(false));
  const hidden = new Map<string, Set<string>>();
  for (const key of used(true)) {
    if (visible.has(key)) continue;
    const [scheme, scope] = key.split('\0') as [string, string];
    hidden.set(scheme, (hidden.get(scheme) ?? new Set()).add(scope));
  }
  return hidden;
}

function withoutKeys(record: Record<string, string>, keys: Set<string> | undefined): Record<string, string> {
  return keys ? Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key))) : record;
}

/** Removes hidden scopes from the security schemes of an OpenAPI 2 or 3 document. */
function withoutScopes(document: unknown, hidden: Map<string, Set<string>>): unknown {
  if (hidden.size === 0 || !document || typeof document !== 'object') return document;
  const doc = document as Record<string, any>;
  const schemes: Record<string, any> | undefined = doc['securityDefinitions'] ?? doc['components']?.['securitySchemes'];
  for (const [name, scopes] of hidden) {
    const scheme = schemes?.[name];
    if (!scheme) continue;
    if (scheme.scopes) scheme.scopes = withoutKeys(scheme.scopes, scopes);
    for (const flow of Object.values<Record<string, any>>(scheme.flows ?? {})) {
      if (flow['scopes']) flow['scopes'] = withoutKeys(flow['scopes'], scopes);
    }
  }
  return document;
}

function isInternal(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>)['x-internal'] === true;
}

/** A deep copy of a contract document without the parts marked `x-internal: true`. */
export function stripInternal(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isInternal(item)).map(stripInternal);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!isInternal(child)) result[key] = stripInternal(child);
  }
  // A removed property must not stay listed as required beside it.
  const properties = (value as Record<string, unknown>)['properties'];
  if (properties && typeof properties === 'object' && Array.isArray(result['required'])) {
    const hidden = Object.entries(properties)
      .filter(([, p]) => isInternal(p))
      .map(([k]) => k);
    result['required'] = (result['required'] as unknown[]).filter((name) => !hidden.includes(String(name)));
  }
  return result;
}
