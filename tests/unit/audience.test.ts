import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterByAudience, stripInternal } from '../../src/audience/filter.ts';
import type { Api, Catalog } from '../../src/catalog/model.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

async function validCatalog(): Promise<Catalog> {
  const { catalog } = await loadCatalog(path.resolve(import.meta.dirname, '../fixtures/catalogs/valid'), { keepDocuments: true });
  return catalog!;
}

function withApi(catalog: Catalog, id: string, changes: Partial<Api>): Catalog {
  const base = catalog.apis[0]!;
  return { ...catalog, apis: [...catalog.apis, { ...base, ...changes, id }] };
}

describe('a build for an audience', () => {
  it('holds public APIs in a public build and drops partner and internal ones', async () => {
    let catalog = await validCatalog();
    catalog = withApi(catalog, 'partner-api', { audience: 'partner', consumers: [{ kind: 'api', id: 'customer-api' }] });
    catalog = withApi(catalog, 'internal-api', { audience: 'internal' });
    const publicBuild = filterByAudience(catalog, 'public');
    expect(publicBuild.apis.map((a) => a.id).sort()).toEqual(['customer-api', 'customer-events']);
    expect(filterByAudience(catalog, 'partner').apis.map((a) => a.id)).toContain('partner-api');
    expect(filterByAudience(catalog, 'internal').apis).toHaveLength(4);
  });

  it('drops consumers, dependencies and replacements that name a hidden API, and applications the audience may not read of', async () => {
    let catalog = await validCatalog();
    catalog = withApi(catalog, 'secret-api', { audience: 'internal' });
    const api = catalog.apis[0]!;
    catalog.apis[0] = {
      ...api,
      consumers: [
        { kind: 'api', id: 'secret-api' },
        { kind: 'app', name: 'Mobile app', audience: 'public' },
        { kind: 'app', name: 'Polar Broadband CRM', audience: 'partner' },
        { kind: 'app', name: 'Billing back office', audience: 'internal' },
      ],
      dependsOn: ['secret-api'],
      deprecation: { sunset: '2027-06-30', replacedBy: 'secret-api' },
      replaces: 'secret-api',
    };
    const kept = filterByAudience(catalog, 'public').apis[0]!;
    expect(kept.consumers).toEqual([{ kind: 'app', name: 'Mobile app', audience: 'public' }]);
    expect(filterByAudience(catalog, 'partner').apis[0]!.consumers.map((c) => (c.kind === 'app' ? c.name : c.id))).toEqual([
      'Mobile app',
      'Polar Broadband CRM',
    ]);
    expect(filterByAudience(catalog, 'internal').apis[0]!.consumers).toHaveLength(4);
    expect(kept.dependsOn).toEqual([]);
    expect(kept.deprecation).toEqual({ sunset: '2027-06-30' });
    expect(kept.replaces).toBeUndefined();
    expect(JSON.stringify(filterByAudience(catalog, 'public'))).not.toContain('secret-api');
  });

  it('keeps a private repository, and so its edit links, out of public and partner builds; a public one stays', async () => {
    const catalog = await validCatalog();
    const url = 'https://git.example.com/acme/api-catalogue';
    const at = (audience: 'public' | 'partner' | 'internal', isPublic: boolean) =>
      filterByAudience({ ...catalog, portal: { ...catalog.portal, repository: { url, public: isPublic } } }, audience).portal.repository;
    expect(at('public', false)).toBeUndefined();
    expect(at('partner', false)).toBeUndefined();
    expect(at('internal', false)).toEqual({ url, public: false });
    expect(at('public', true)).toEqual({ url, public: true });
  });

  it('keeps only the domains, services and teams that still hold a visible API', async () => {
    const catalog = await validCatalog();
    const hidden = { ...catalog, apis: catalog.apis.map((a) => ({ ...a, audience: 'internal' as const })) };
    const build = filterByAudience(hidden, 'public');
    expect(build.domains).toEqual([]);
    expect(build.teams).toEqual([]);
  });

  it('removes operations and parameters marked x-internal from the model', async () => {
    const catalog = await validCatalog();
    const api = catalog.apis.find((a) => a.id === 'customer-api')!;
    const op = api.contract.operations[0]!;
    api.contract.operations = [
      { ...op, parameters: [...op.parameters, { name: 'debug', in: 'query', required: false, internal: true }] },
      { ...op, id: 'purge', internal: true },
    ];
    const kept = filterByAudience(catalog, 'partner').apis.find((a) => a.id === 'customer-api')!;
    expect(kept.contract.operations.map((o) => o.id)).toEqual(['get-customer']);
    expect(kept.contract.operations[0]!.parameters.map((p) => p.name)).toEqual(['id']);
    expect(filterByAudience(catalog, 'internal').apis.find((a) => a.id === 'customer-api')!.contract.operations).toHaveLength(2);
  });
});

describe('an event operation in a narrower build', () => {
  it('loses the x-internal parameters, bindings and objects inside bindings of its channel, itself and its messages, and the internal servers', async () => {
    const catalog = await validCatalog();
    const api = catalog.apis.find((a) => a.id === 'customer-api')!;
    const op = api.contract.operations[0]!;
    const kafka = { protocol: 'kafka', values: { partitions: 3, topicConfiguration: { 'x-internal': true, 'retention.ms': 1 } } };
    const hidden = { protocol: 'amqp', values: { is: 'queue' }, internal: true };
    api.contract.operations = [
      {
        ...op,
        kind: 'send',
        readerAction: 'receive',
        channelDetails: {
          id: 'orders',
          parameters: [
            { name: 'partnerId', internal: false },
            { name: 'region', internal: true },
          ],
          bindings: [kafka, hidden],
          servers: [
            { name: 'production', url: 'kafka://broker:9092' },
            { name: 'replay', url: 'kafka://replay:9092', internal: true },
          ],
        },
        bindings: [hidden],
        messages: [{ id: 'created', examples: [], bindings: [hidden, { protocol: 'kafka', values: { key: { type: 'string' } } }] }],
      },
    ];
    const [kept] = filterByAudience(catalog, 'partner').apis.find((a) => a.id === 'customer-api')!.contract.operations;
    expect(kept!.channelDetails!.parameters.map((p) => p.name)).toEqual(['partnerId']);
    expect(kept!.channelDetails!.bindings).toEqual([{ protocol: 'kafka', values: { partitions: 3 } }]);
    expect(kept!.channelDetails!.servers.map((s) => s.name)).toEqual(['production']);
    expect(kept!.bindings).toEqual([]);
    expect(kept!.messages[0]!.bindings).toEqual([{ protocol: 'kafka', values: { key: { type: 'string' } } }]);
    const [whole] = filterByAudience(catalog, 'internal').apis.find((a) => a.id === 'customer-api')!.contract.operations;
    expect(whole!.channelDetails!.bindings).toHaveLength(2);
  });
});

describe('scopes of hidden operations', () => {
  it('are dropped from the security schemes and the downloadable contract when no visible operation asks for them', async () => {
    const catalog = await validCatalog();
    const api = catalog.apis.find((a) => a.id === 'customer-api')!;
    const op = api.contract.operations[0]!;
    api.contract.operations = [
      { ...op, security: [{ scheme: 'oauth', scopes: ['customer:read'] }] },
      { ...op, id: 'purge', internal: true, security: [{ scheme: 'oauth', scopes: ['customer:read', 'customer:purge'] }] },
    ];
    const scopes = { 'customer:read': 'Read customers', 'customer:purge': 'Erase customers (back office)' };
    api.contract.securitySchemes = [
      { name: 'oauth', type: 'oauth2', flows: [{ flow: 'clientCredentials', tokenUrl: 'https://auth.example.com/token', scopes }] },
    ];
    api.contract.document = {
      openapi: '3.0.3',
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes } } } } },
    };
    const kept = filterByAudience(catalog, 'public').apis.find((a) => a.id === 'customer-api')!;
    expect(kept.contract.securitySchemes[0]!.flows[0]!.scopes).toEqual({ 'customer:read': 'Read customers' });
    expect(JSON.stringify(kept.contract.document)).not.toContain('customer:purge');
    const internal = filterByAudience(catalog, 'internal').apis.find((a) => a.id === 'customer-api')!;
    expect(Object.keys(internal.contract.securitySchemes[0]!.flows[0]!.scopes)).toContain('customer:purge');
  });
});

describe('stripping x-internal parts of a contract document', () => {
  it('removes internal operations, parameters and properties, and unlists removed required properties', () => {
    const document = {
      paths: {
        '/a': { get: { parameters: [{ name: 'q' }, { name: 'trace', 'x-internal': true }] }, delete: { 'x-internal': true } },
      },
      components: { schemas: { C: { required: ['id', 'score'], properties: { id: { type: 'string' }, score: { type: 'number', 'x-internal': true } } } } },
    };
    expect(stripInternal(document)).toEqual({
      paths: { '/a': { get: { parameters: [{ name: 'q' }] } } },
      components: { schemas: { C: { required: ['id'], properties: { id: { type: 'string' } } } } },
    });
    expect(document.paths['/a'].delete).toBeDefined();
  });
});
