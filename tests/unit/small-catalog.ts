import type { Api, Catalog, Operation } from '../../src/catalog/model.ts';

/** An operation with empty lists and no flags, and the given fields. */
export function operation(changes: Partial<Operation> & Pick<Operation, 'id' | 'kind'>): Operation {
  return {
    tags: [],
    deprecated: false,
    internal: false,
    parameters: [],
    security: [],
    responses: [],
    messages: [],
    examples: [],
    source: { file: 'x' },
    anchor: changes.id,
    ...changes,
  };
}

function api(changes: Partial<Api> & Pick<Api, 'id' | 'name' | 'domain' | 'owner'>): Api {
  return {
    summary: `${changes.name} summary.`,
    type: 'data',
    lifecycle: 'stable',
    audience: 'public',
    business: { purpose: `What ${changes.name} does.` },
    consumers: [],
    dependsOn: [],
    docs: [],
    source: { file: `${changes.id}/api.yaml` },
    contract: {
      format: 'openapi',
      specVersion: '3.1.0',
      file: 'openapi.yaml',
      title: changes.name,
      version: '1.0.0',
      servers: [],
      securitySchemes: [],
      operations: [],
      schemas: [],
    },
    ...changes,
  };
}

/**
 * A hand-made catalogue of three APIs: Orders (data, OpenAPI, version 1.10.0, two consumers, in
 * a service of the sub-domain Fulfilment), Billing (process, 1.9.0) and Order Events (AsyncAPI,
 * 2.0.0-beta.1) in the top domain Sales, whose only APIs are in sub-domains or itself.
 */
export function smallCatalog(): Catalog {
  return {
    portal: { title: 'Acme [Dev] Portal', organisation: 'Acme', audience: 'public', branch: 'main', limits: { maxFileMB: 25 } },
    teams: [
      { id: 'sales-team', name: 'Sales team', contact: 'sales@acme.example' },
      { id: 'billing-team', name: 'Billing team' },
    ],
    domains: [
      { id: 'sales', name: 'Sales', summary: 'Selling.', trail: ['sales'], source: { file: 'sales/domain.yaml' } },
      { id: 'fulfilment', name: 'Fulfilment', parent: 'sales', trail: ['sales', 'fulfilment'], source: { file: 'sales/fulfilment/domain.yaml' } },
    ],
    glossary: [{ term: 'invoice', synonyms: [{ text: 'bill' }, { text: 'facture', locale: 'fr' }] }],
    services: [{ id: 'shipping', name: 'Shipping', owner: 'sales-team', domain: 'fulfilment', source: { file: 'sales/fulfilment/shipping/service.yaml' } }],
    apis: [
      api({
        id: 'orders-api',
        name: 'Orders API',
        domain: 'fulfilment',
        service: 'shipping',
        owner: 'sales-team',
        consumers: [
          { kind: 'api', id: 'billing-api' },
          { kind: 'app', name: 'Shop app', audience: 'public' },
        ],
        dependsOn: ['billing-api'],
        tags: ['order'],
        standards: [{ framework: 'TM Forum', id: 'TMF622' }],
        business: { purpose: 'Take **orders**.', rules: '- One order a basket.', data: [{ entity: 'Order', sensitivity: 'personal' }] },
        contract: {
          format: 'openapi',
          specVersion: '3.1.0',
          file: 'openapi.yaml',
          title: 'Orders',
          version: '1.10.0',
          servers: [],
          securitySchemes: [],
          schemas: [],
          document: { openapi: '3.1.0' },
          operations: [
            operation({
              id: 'get-order',
              kind: 'http',
              method: 'GET',
              path: '/orders/{id}',
              summary: 'Read an order',
              description: 'Returns one order.',
              responses: [
                { status: '200', description: 'The order.', content: [], headers: [] },
                { status: '404', content: [], headers: [] },
              ],
            }),
          ],
        },
      }),
      api({
        id: 'billing-api',
        name: 'Billing API',
        type: 'process',
        domain: 'sales',
        owner: 'billing-team',
        contract: {
          format: 'openapi',
          specVersion: '3.0.3',
          file: 'openapi.yaml',
          title: 'Billing',
          version: '1.9.0',
          servers: [],
          securitySchemes: [],
          operations: [],
          schemas: [],
        },
      }),
      api({
        id: 'order-events',
        name: 'Order Events',
        type: 'event',
        lifecycle: 'beta',
        domain: 'fulfilment',
        owner: 'sales-team',
        contract: {
          format: 'asyncapi',
          specVersion: '3.0.0',
          file: 'asyncapi.yaml',
          title: 'Order events',
          version: '2.0.0-beta.1',
          servers: [],
          securitySchemes: [],
          schemas: [],
          operations: [
            operation({
              id: 'order-shipped',
              kind: 'send',
              readerAction: 'receive',
              title: 'Order shipped',
              channel: 'orders.shipped',
              summary: 'An order left the warehouse',
              messages: [{ id: 'OrderShipped', title: 'Order shipped', examples: [] }],
            }),
          ],
        },
      }),
    ],
  };
}
