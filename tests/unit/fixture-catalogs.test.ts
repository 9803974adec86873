import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { formatText } from '../../src/catalog/format/text.ts';
import type { Code } from '../../src/catalog/codes.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/catalogs');
const api = 'party/customer-api/api.yaml';
const contract = 'party/customer-api/openapi.yaml';

/** One broken catalogue per rule, and the problems `check` must report for it. */
const scenarios: Record<string, [file: string, line: number, column: number, code: Code][]> = {
  'yaml-syntax': [[api, 4, 1, 'yaml/syntax']],
  'yaml-duplicate-key': [[api, 4, 1, 'yaml/duplicate-key']],
  'alias-bomb': [[api, 12, 10, 'yaml/alias-limit']],
  'missing-field': [[api, 1, 1, 'schema/required']],
  'mistyped-field': [[api, 9, 7, 'schema/type']],
  'unknown-enum': [[api, 3, 7, 'schema/enum']],
  'unknown-field': [[api, 10, 1, 'schema/unknown-field']],
  'invalid-id': [['party/Customer_API/api.yaml', 1, 1, 'catalog/invalid-id']],
  'duplicate-id': [[api, 1, 1, 'catalog/duplicate-id']],
  'unknown-owner': [[api, 10, 8, 'catalog/unknown-owner']],
  'missing-teams': [['party/domain.yaml', 3, 8, 'catalog/missing-teams']],
  'unknown-api': [
    [api, 10, 13, 'catalog/unknown-api'],
    [api, 11, 13, 'catalog/unknown-api'],
  ],
  'deprecated-without-sunset': [[api, 4, 12, 'catalog/deprecation']],
  'nesting-depth': [['party/a/b/c/domain.yaml', 1, 1, 'catalog/nesting-depth']],
  'api-at-root': [
    ['customer-api/api.yaml', 1, 1, 'catalog/api-at-root'],
    ['customer-api/api.yaml', 1, 1, 'catalog/missing-owner'],
  ],
  'missing-contract': [[api, 6, 11, 'catalog/missing-contract']],
  'example-unknown-operation': [['party/customer-api/examples/getCustomers/200.json', 1, 1, 'example/unknown-operation']],
  'example-unknown-status': [['party/customer-api/examples/getCustomer/500.json', 1, 1, 'example/unknown-status']],
  'example-invalid-json': [['party/customer-api/examples/getCustomer/200.json', 1, 36, 'json/syntax']],
  'example-invalid': [['party/customer-api/examples/getCustomer/200.json', 11, 15, 'example/invalid']],
  'example-invalid-payload': [['party/customer-events/examples/customerCreated/new-customer.json', 4, 11, 'example/invalid']],
  'example-secret': [
    ['party/customer-api/examples/getCustomer/200.json', 5, 37, 'secret/found'],
    ['party/customer-api/examples/getCustomer/200.json', 10, 16, 'secret/found'],
  ],
  'example-catastrophic-pattern': [['party/customer-api/examples/getCustomer/200.json', 4, 13, 'example/invalid']],
  'secret-in-metadata': [
    [api, 11, 5, 'secret/found'],
    ['party/customer-api/docs/setup.md', 5, 23, 'secret/found'],
  ],
  'ref-outside': [[contract, 22, 23, 'ref/outside-catalogue']],
  'ref-absolute': [[contract, 22, 23, 'ref/outside-catalogue']],
  'ref-http': [[contract, 22, 23, 'ref/remote']],
  'symlink-outside': [['party/customer-api/shared.yaml', 1, 1, 'file/symlink-outside']],
  'too-large': [[contract, 1, 1, 'file/too-large']],
  'values-too-deep': [[contract, 36, 4413, 'yaml/too-deep']],
  'invalid-openapi': [
    [contract, 24, 11, 'openapi/invalid'],
    [contract, 24, 11, 'openapi/invalid'],
  ],
  'invalid-openapi-version': [[contract, 1, 10, 'openapi/invalid']],
  'invalid-asyncapi': [['party/customer-api/asyncapi.yaml', 13, 13, 'asyncapi/invalid']],
};

describe('check on a broken catalogue', () => {
  for (const [scenario, expected] of Object.entries(scenarios)) {
    it(`reports ${expected.map((e) => e[3]).join(' and ')} for ${scenario}, at the offending line and column`, async () => {
      const root = path.join(fixtures, scenario);
      const { catalog, diagnostics } = await loadCatalog(root);
      expect(catalog).toBeUndefined();
      expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual(expected);
      for (const d of diagnostics) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.hint?.length ?? 0).toBeGreaterThan(10);
      }
      const text = formatText(diagnostics, { displayPath: (f) => f, sourceLine: () => undefined, colour: false });
      expect(text).toMatchSnapshot();
    });
  }
});

describe('check on a valid catalogue', () => {
  it('reports nothing and builds the model with operations, messages and examples', async () => {
    const { catalog, diagnostics } = await loadCatalog(path.join(fixtures, 'valid'));
    expect(diagnostics).toEqual([]);
    const rest = catalog!.apis.find((a) => a.id === 'customer-api')!;
    expect(rest.owner).toBe('party-team');
    expect(rest.contract.operations.map((o) => [o.id, o.method, o.path])).toEqual([['get-customer', 'GET', '/customers/{id}']]);
    expect(rest.contract.operations[0]!.examples.map((e) => [e.status, e.label, e.ok])).toEqual([
      ['200', '200', true],
      ['404', 'unknown-id', false],
    ]);
    const events = catalog!.apis.find((a) => a.id === 'customer-events')!;
    expect(events.contract.format).toBe('asyncapi');
    expect(events.contract.operations[0]!.kind).toBe('send');
    expect(events.contract.operations[0]!.channel).toBe('customer.created');
    expect(events.contract.operations[0]!.messages[0]!.examples.map((e) => [e.label, e.payload])).toEqual([['new-customer', { id: 'c-1' }]]);
  });
});

describe('check on contracts with servers the portal cannot publish', () => {
  it('warns at each server it leaves out, OpenAPI 3.0, AsyncAPI 2.6 and 3.0, and keeps the plain ones in the model', async () => {
    const events = (v: string) => `party/events-${v}/asyncapi.yaml`;
    const found: Record<string, [file: string, line: number, column: number][]> = {
      'hostile-markdown': [
        [contract, 15, 10],
        [contract, 17, 10],
        [contract, 19, 10],
        [contract, 21, 10],
      ],
      'hostile-asyncapi': [
        [events('v2'), 32, 10],
        [events('v2'), 35, 10],
        [events('v2'), 38, 10],
        [events('v3'), 26, 5],
        [events('v3'), 29, 5],
        [events('v3'), 63, 7],
      ],
    };
    const servers: [string, string][] = [];
    for (const [fixture, expected] of Object.entries(found)) {
      const { catalog, diagnostics } = await loadCatalog(path.join(fixtures, fixture));
      expect(diagnostics.map((d) => [d.file, d.line, d.column])).toEqual(expected);
      expect(new Set(diagnostics.map((d) => `${d.code} ${d.severity}`))).toEqual(new Set(['contract/unsafe-server-url warning']));
      expect(formatText(diagnostics, { displayPath: (f) => f, sourceLine: () => undefined, colour: false })).toMatchSnapshot();
      servers.push(...catalog!.apis.flatMap((a) => a.contract.servers.map((server) => [a.id, server.url] as [string, string])));
    }
    expect(servers).toEqual([
      ['customer-api', 'https://sandbox.customers.example/v1'],
      ['events-v2', 'kafka://broker.events.example:9092'],
      ['events-v3', 'kafka://broker.events.example:9092'],
    ]);
  });
});

describe('check reports every problem in one run', () => {
  it('keeps going after the first broken file, and checks the contract of an api.yaml that has an error', async () => {
    const { diagnostics } = await loadCatalog(path.join(fixtures, 'many-errors'));
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['billing/domain.yaml', 2, 10, 'schema/type'],
      [api, 10, 8, 'catalog/unknown-owner'],
      ['party/customer-api/examples/getCustomer/418.json', 1, 1, 'example/unknown-status'],
      ['party/customer-events/api.yaml', 3, 7, 'schema/enum'],
      ['party/customer-events/asyncapi.yaml', 6, 3, 'asyncapi/invalid'],
      ['party/domain.yaml', 2, 12, 'schema/type'],
    ]);
  });
});
