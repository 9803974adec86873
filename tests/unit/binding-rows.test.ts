import { describe, expect, it } from 'vitest';
import { bindingRows, duration } from '../../src/site/binding-rows.ts';
import { protocolLabel, readerActionLabel } from '../../src/site/event-labels.ts';

describe('the rows of a protocol binding', () => {
  it('names a Kafka channel’s topic, partitions, replicas and retention for readers, the address standing for an unnamed topic', () => {
    const rows = bindingRows(
      {
        protocol: 'kafka',
        values: {
          replicas: 3,
          partitions: 6,
          topicConfiguration: { 'retention.ms': 1209600000, 'cleanup.policy': ['delete', 'compact'], 'min.insync.replicas': 2 },
        },
      },
      'partner.{partnerId}.orders',
    );
    expect(rows).toEqual([
      { label: 'Topic', value: 'partner.{partnerId}.orders', code: true, note: 'the channel’s address' },
      { label: 'Partitions', value: '6' },
      { label: 'Replicas', value: '3' },
      { label: 'Retention', value: '14 days (1209600000 ms)' },
      { label: 'Cleanup policy', value: 'delete, compact' },
      { label: 'min.insync.replicas', value: '2' },
    ]);
    expect(bindingRows({ protocol: 'kafka', values: { topic: 'orders.v1', partitions: 1 } }, 'orders')[0]).toEqual({
      label: 'Topic',
      value: 'orders.v1',
      code: true,
    });
  });

  it('summarises schemas: a Kafka key, a consumer group rule, each header of an HTTP message', () => {
    expect(
      bindingRows({
        protocol: 'kafka',
        values: { key: { type: 'string', description: 'The order id.' }, groupId: { type: 'string', enum: ['crm', 'billing'] } },
      }),
    ).toEqual([
      { label: 'Consumer group', value: 'string: one of crm, billing' },
      { label: 'Key', value: 'string', note: 'The order id.' },
    ]);
    const headers = {
      type: 'object',
      required: ['X-Delivery'],
      properties: { 'X-Delivery': { type: 'string', format: 'uuid', description: 'Same on retries.' }, 'X-Type': { type: 'string' } },
    };
    expect(bindingRows({ protocol: 'http', values: { headers } })).toEqual([
      { label: 'Headers › X-Delivery', value: 'string, uuid, required', note: 'Same on retries.' },
      { label: 'Headers › X-Type', value: 'string' },
    ]);
    expect(bindingRows({ protocol: 'kafka', values: { groupId: { type: 'string', pattern: '^PTN-[0-9]{4}\\.' } } })).toEqual([
      { label: 'Consumer group', value: 'string: matching ^PTN-[0-9]{4}\\.' },
    ]);
  });

  it('writes AMQP and MQTT values in words and flattens nested objects, leaving extensions out', () => {
    expect(
      bindingRows({ protocol: 'amqp', values: { is: 'routingKey', exchange: { name: 'orders', type: 'topic', durable: true, 'x-note': 'hidden' } } }),
    ).toEqual([
      { label: 'Channel is', value: 'a routing key on an exchange' },
      { label: 'Exchange › name', value: 'orders', code: true },
      { label: 'Exchange › type', value: 'topic' },
      { label: 'Exchange › durable', value: 'yes' },
    ]);
    expect(bindingRows({ protocol: 'amqp', values: { deliveryMode: 2, expiration: 60000 } })).toEqual([
      { label: 'Delivery mode', value: 'persistent' },
      { label: 'Expiration', value: '1 minute (60000 ms)' },
    ]);
    expect(bindingRows({ protocol: 'mqtt', values: { qos: 1, retain: false } })).toEqual([
      { label: 'Quality of service', value: '1, at least once' },
      { label: 'Retained', value: 'no' },
    ]);
  });

  it('shows any other protocol’s fields as the contract writes them, with sentence-case labels', () => {
    expect(bindingRows({ protocol: 'sqs', values: { queue: { name: 'orders', fifoQueue: true }, x: 1, 'x-internal': true } })).toEqual([
      { label: 'Queue › name', value: 'orders', code: true },
      { label: 'Queue › fifo queue', value: 'yes' },
      { label: 'X', value: '1' },
    ]);
  });

  it('writes durations in the largest whole unit, and Kafka’s -1 as unlimited', () => {
    expect([duration(604800000), duration(3_600_000), duration(1500), duration(-1)]).toEqual([
      '7 days (604800000 ms)',
      '1 hour (3600000 ms)',
      '1500 ms',
      'unlimited (-1 ms)',
    ]);
  });
});

describe('the labels of event operations', () => {
  it('say what the reader does, and name protocols for readers', () => {
    expect([readerActionLabel({ readerAction: 'receive' }), readerActionLabel({ readerAction: 'send' })]).toEqual(['You receive', 'You send']);
    expect([protocolLabel('kafka-secure'), protocolLabel('amqp'), protocolLabel('custom-bus'), protocolLabel('constructor')]).toEqual([
      'Kafka (TLS)',
      'AMQP',
      'custom-bus',
      'constructor',
    ]);
  });
});
