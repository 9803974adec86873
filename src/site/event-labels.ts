import type { Operation } from '../catalog/model.ts';

/** What the reader does for an event operation, in the reader's words. */
export function readerActionLabel(op: Pick<Operation, 'readerAction'>): string {
  return op.readerAction === 'send' ? 'You send' : 'You receive';
}

/** How protocols and their binding keys are written for readers; others as the contract writes them. */
const protocolNames: Record<string, string> = {
  kafka: 'Kafka',
  'kafka-secure': 'Kafka (TLS)',
  amqp: 'AMQP',
  amqps: 'AMQP (TLS)',
  amqp1: 'AMQP 1.0',
  mqtt: 'MQTT',
  'secure-mqtt': 'MQTT (TLS)',
  mqtt5: 'MQTT 5',
  http: 'HTTP',
  https: 'HTTPS',
  ws: 'WebSocket',
  wss: 'WebSocket (TLS)',
  sns: 'Amazon SNS',
  sqs: 'Amazon SQS',
  googlepubsub: 'Google Pub/Sub',
  ibmmq: 'IBM MQ',
  jms: 'JMS',
  nats: 'NATS',
  pulsar: 'Pulsar',
  solace: 'Solace',
  anypointmq: 'Anypoint MQ',
  stomp: 'STOMP',
  redis: 'Redis',
  mercure: 'Mercure',
};

/** A protocol's name for readers: `kafka-secure` is "Kafka (TLS)", an unknown one is kept as written. */
export function protocolLabel(protocol: string): string {
  return Object.hasOwn(protocolNames, protocol) ? protocolNames[protocol]! : protocol;
}
