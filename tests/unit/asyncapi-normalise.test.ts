import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsyncApiLoader } from '../../src/catalog/contracts/asyncapi.ts';
import { normaliseAsyncApi } from '../../src/catalog/contracts/asyncapi-normalise.ts';
import { readSource } from '../../src/catalog/read-source.ts';
import type { Contract } from '../../src/catalog/model.ts';

const v2 = `asyncapi: 2.6.0
info: { title: Customer events, version: 1.0.0 }
servers:
  production: { url: 'kafka.example:9094', protocol: kafka-secure, protocolVersion: '3.5' }
  lab: { url: 'mqtt.example:1883', protocol: mqtt }
channels:
  customer.{customerId}.{region}.created:
    description: A customer was **registered**.
    servers: [production]
    parameters:
      customerId:
        description: The customer's identifier.
        schema: { type: string, enum: [CU-1, CU-2], default: CU-1 }
        location: $message.payload#/id
      region:
        x-internal: true
        description: The data centre region.
        schema: { type: string }
    bindings:
      kafka:
        topic: nordwave.customer.created.v1
        partitions: 12
        replicas: 3
        topicConfiguration: { retention.ms: 604800000, cleanup.policy: [delete] }
        bindingVersion: 0.4.0
      amqp:
        is: routingKey
        exchange: { name: customers, type: topic, durable: true }
        x-internal: true
    subscribe:
      operationId: onCustomerCreated
      summary: Receive an event when a customer is registered.
      bindings:
        kafka: { groupId: { type: string, enum: [crm] } }
      message:
        name: CustomerCreated
        title: Customer created
        bindings:
          kafka:
            key: { type: string, description: The customer identifier. }
            schemaRegistryUrl: javascript:alert(1)
        payload: { type: object }
  customer.updates:
    publish:
      operationId: updateCustomer
      message: { name: CustomerUpdate, payload: { type: object } }
`;

const v3 = `asyncapi: 3.0.0
info: { title: Order events, version: 1.0.0 }
servers:
  production: { host: 'events.example:9094', protocol: kafka-secure, protocolVersion: '3.6' }
  staging: { host: 'staging.example:9094', protocol: kafka }
channels:
  orders:
    address: 'partner.{partnerId}.orders'
    title: Orders of one partner
    description: Every event about the partner's orders.
    servers: [{ $ref: '#/servers/production' }]
    parameters:
      partnerId: { description: Your partner id., enum: [PTN-1, PTN-2], default: PTN-1, examples: [PTN-1] }
    messages:
      created: { name: OrderCreated, payload: { type: object } }
      shipped: { name: OrderShipped, title: Order shipped, payload: { type: object } }
    bindings:
      kafka: { partitions: 6, replicas: 3, bindingVersion: 0.5.0 }
  commands:
    address: order.commands
    messages:
      cancel: { name: CancelOrder, payload: { type: object } }
operations:
  sendCreated:
    action: send
    title: Order created
    channel: { $ref: '#/channels/orders' }
    messages: [{ $ref: '#/channels/orders/messages/created' }]
  sendShipped:
    action: send
    channel: { $ref: '#/channels/orders' }
    messages: [{ $ref: '#/channels/orders/messages/shipped' }]
  sendUpdated:
    action: send
    summary: The order changed.
    channel: { $ref: '#/channels/orders' }
    messages: [{ $ref: '#/channels/orders/messages/created' }]
  sendChanged:
    action: send
    summary: The order changed.
    channel: { $ref: '#/channels/orders' }
    messages: [{ $ref: '#/channels/orders/messages/created' }]
  cancelOrder:
    action: receive
    channel: { $ref: '#/channels/commands' }
    bindings:
      http: { method: POST }
`;

let root: string;
const normalised: Record<string, Omit<Contract, 'file'>> = {};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'portolan-normalise-'));
  const loader = createAsyncApiLoader();
  for (const [name, text] of Object.entries({ v2, v3 })) {
    const file = path.join(root, `${name}.yaml`);
    await writeFile(file, text);
    const doc = readSource(`${name}.yaml`, text).value!;
    const { value, diagnostics } = await loader.load(doc, file, root);
    expect(diagnostics).toEqual([]);
    normalised[name] = normaliseAsyncApi(value!, doc);
  }
});

afterAll(() => rm(root, { recursive: true, force: true }));

const operation = (version: string, operationId: string) => normalised[version]!.operations.find((op) => op.operationId === operationId)!;

describe('an AsyncAPI 2 operation, from the reader’s side', () => {
  it('says the reader receives what the application publishes (subscribe) and sends what it consumes (publish)', () => {
    expect(operation('v2', 'onCustomerCreated').readerAction).toBe('receive');
    expect(operation('v2', 'updateCustomer').readerAction).toBe('send');
  });

  it('carries its channel’s address, Markdown description and parameters, x-internal ones marked', () => {
    const channel = operation('v2', 'onCustomerCreated').channelDetails!;
    expect(channel.address).toBe('customer.{customerId}.{region}.created');
    expect(channel.description).toBe('A customer was **registered**.');
    expect(channel.parameters).toEqual([
      {
        name: 'customerId',
        description: "The customer's identifier.",
        enum: ['CU-1', 'CU-2'],
        default: 'CU-1',
        location: '$message.payload#/id',
        internal: false,
      },
      { name: 'region', description: 'The data centre region.', internal: true },
    ]);
  });

  it('carries the channel’s, the operation’s and the message’s bindings as plain data, without a link of a refused scheme', () => {
    const op = operation('v2', 'onCustomerCreated');
    expect(op.channelDetails!.bindings).toEqual([
      {
        protocol: 'kafka',
        bindingVersion: '0.4.0',
        values: {
          topic: 'nordwave.customer.created.v1',
          partitions: 12,
          replicas: 3,
          topicConfiguration: { 'retention.ms': 604800000, 'cleanup.policy': ['delete'] },
        },
      },
      { protocol: 'amqp', values: { is: 'routingKey', exchange: { name: 'customers', type: 'topic', durable: true } }, internal: true },
    ]);
    expect(op.bindings).toEqual([{ protocol: 'kafka', values: { groupId: { type: 'string', enum: ['crm'] } } }]);
    expect(op.messages[0]!.bindings).toEqual([{ protocol: 'kafka', values: { key: { type: 'string', description: 'The customer identifier.' } } }]);
    expect(JSON.parse(JSON.stringify(op))).toEqual(op);
  });

  it('lists the servers the channel names, with their protocol and its version', () => {
    expect(operation('v2', 'onCustomerCreated').channelDetails!.servers).toEqual([
      { name: 'production', url: 'kafka-secure://kafka.example:9094', protocol: 'kafka-secure', protocolVersion: '3.5' },
    ]);
    expect(operation('v2', 'updateCustomer').channelDetails!.servers.map((s) => s.name)).toEqual(['production', 'lab']);
    expect(normalised['v2']!.servers.map((s) => [s.name, s.protocol])).toEqual([
      ['production', 'kafka-secure'],
      ['lab', 'mqtt'],
    ]);
  });

  it('is titled by its summary, else by its operation id', () => {
    expect(operation('v2', 'onCustomerCreated').title).toBe('Receive an event when a customer is registered.');
    expect(operation('v2', 'updateCustomer').title).toBe('updateCustomer');
  });
});

describe('an AsyncAPI 3 operation, from the reader’s side', () => {
  it('says the reader receives what the application sends and sends what it receives', () => {
    expect(operation('v3', 'sendCreated').readerAction).toBe('receive');
    expect(operation('v3', 'cancelOrder').readerAction).toBe('send');
  });

  it('carries its channel’s address, title, description, parameters, bindings and servers', () => {
    expect(operation('v3', 'sendCreated').channelDetails).toEqual({
      id: 'orders',
      address: 'partner.{partnerId}.orders',
      title: 'Orders of one partner',
      description: "Every event about the partner's orders.",
      parameters: [{ name: 'partnerId', description: 'Your partner id.', enum: ['PTN-1', 'PTN-2'], default: 'PTN-1', examples: ['PTN-1'], internal: false }],
      bindings: [{ protocol: 'kafka', bindingVersion: '0.5.0', values: { partitions: 6, replicas: 3 } }],
      servers: [{ name: 'production', url: 'kafka-secure://events.example:9094', protocol: 'kafka-secure', protocolVersion: '3.6' }],
    });
    expect(operation('v3', 'cancelOrder').bindings).toEqual([{ protocol: 'http', values: { method: 'POST' } }]);
  });

  it('gives four operations on one channel four headings: title, message title, and a repeated summary told apart by the operation key', () => {
    const titles = ['sendCreated', 'sendShipped', 'sendUpdated', 'sendChanged'].map((id) => operation('v3', id).title);
    expect(titles).toEqual(['Order created', 'sendShipped', 'The order changed. (sendUpdated)', 'The order changed. (sendChanged)']);
    expect(new Set(normalised['v3']!.operations.map((op) => op.title)).size).toBe(normalised['v3']!.operations.length);
  });
});
