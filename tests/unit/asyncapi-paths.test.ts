import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Parser } from '@asyncapi/parser';
import { parserOperationPaths, readParserPathsAsMeant } from '../../src/catalog/contracts/asyncapi-paths.ts';

const document = `asyncapi: 2.6.0
info: { title: Orders, version: 1.0.0 }
channels:
  orders:
    subscribe:
      operationId: onOrder
      traits: [{ description: From a trait. }]
      message:
        messageId: orderPlaced
        traits: [{ headers: { type: object, properties: { traceId: { type: string } } } }]
        payload: { $ref: '#/components/schemas/Order' }
  returns:
    publish:
      operationId: sendReturn
      message:
        oneOf:
          - { messageId: returnAsked, payload: { type: object, properties: { publish: { type: boolean } } } }
          - { messageId: returnDone, traits: [{ contentType: application/json }], payload: { type: string } }
components:
  schemas:
    Order: { type: object, properties: { id: { type: string }, subscribe: { type: object, properties: { message: { type: string } } } } }
`;

/** What the pages and the example check read from a parsed document. */
async function parsed() {
  const { document: doc, diagnostics } = await new Parser().parse(document);
  return {
    diagnostics: diagnostics.map((d) => [d.code, d.message, d.path.join('.')]),
    operations: doc!
      .operations()
      .all()
      .map((op) => [
        op.id(),
        op.description(),
        op
          .messages()
          .all()
          .map((m) => [m.id(), m.contentType(), m.headers()?.json(), m.payload()?.json()]),
      ]),
  };
}

describe("the AsyncAPI parser's operation paths", () => {
  it("are read as the channel's own publish and subscribe, and the parse finds the same operations, traits and messages", async () => {
    const before = await parsed();
    readParserPathsAsMeant();
    const { JSONPath } = createRequire(createRequire(import.meta.url).resolve('@asyncapi/parser'))('jsonpath-plus');
    for (const path of parserOperationPaths) expect(JSONPath.toPathArray(path)).not.toContain('..');
    const after = await parsed();
    expect(after).toEqual(before);
    const traced = { type: 'object', properties: { traceId: expect.objectContaining({ type: 'string' }) } };
    expect(after.operations[0]).toEqual([
      'onOrder',
      'From a trait.',
      [['orderPlaced', undefined, expect.objectContaining(traced), expect.objectContaining({ type: 'object' })]],
    ]);
    expect(after.operations[1]![2]).toEqual([
      ['returnAsked', undefined, undefined, expect.objectContaining({ type: 'object' })],
      ['returnDone', 'application/json', undefined, expect.objectContaining({ type: 'string' })],
    ]);
  });
});
