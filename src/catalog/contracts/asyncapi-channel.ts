import type { ChannelInterface } from '@asyncapi/parser';
import { isRecord } from '../is-record.ts';
import type { Channel, ChannelParameter, Server } from '../model.ts';
import { bindingsOf } from './asyncapi-bindings.ts';

/**
 * An AsyncAPI 2.x or 3.x channel as the pages show it: its address, title and description, its
 * parameters, its bindings and the servers it is on, among the contract's publishable `servers`.
 */
export function channelOf(channel: ChannelInterface, servers: readonly Server[]): Channel {
  const json = channel.json() as Record<string, unknown>;
  const address = channel.address();
  const byName = new Map(servers.map((server) => [server.name, server]));
  return {
    id: channel.id(),
    ...(address ? { address } : {}),
    ...(typeof json['title'] === 'string' && json['title'] ? { title: json['title'] } : {}),
    ...(channel.description() ? { description: channel.description()! } : {}),
    parameters: channel
      .parameters()
      .all()
      .map((parameter) => parameterOf(parameter.id(), parameter.json())),
    bindings: bindingsOf(json['bindings']),
    servers: channel
      .servers()
      .all()
      .flatMap((server) => byName.get(server.id()) ?? []),
  };
}

/** A channel parameter: AsyncAPI 2 keeps its values in a `schema`, AsyncAPI 3 beside its description. */
function parameterOf(name: string, json: unknown): ChannelParameter {
  const parameter = isRecord(json) ? json : {};
  const values = isRecord(parameter['schema']) ? parameter['schema'] : parameter;
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.map(text) : undefined);
  const enumValues = list(values['enum']);
  const examples = list(values['examples']);
  const description = parameter['description'] ?? values['description'];
  return {
    name,
    ...(typeof description === 'string' && description ? { description } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
    ...(values['default'] !== undefined ? { default: text(values['default']) } : {}),
    ...(examples ? { examples } : {}),
    ...(typeof parameter['location'] === 'string' ? { location: parameter['location'] } : {}),
    internal: parameter['x-internal'] === true,
  };
}

/** A value as the page writes it: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
