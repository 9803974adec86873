import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAsyncApiLoader } from '../../src/catalog/contracts/asyncapi.ts';
import { readSource } from '../../src/catalog/read-source.ts';

const contract = `asyncapi: 2.6.0
info: { title: Orders, version: 1.0.0 }
channels:
  orders:
    subscribe:
      operationId: onOrder
      message: { $ref: 'messages.yaml#/OrderPlaced' }
`;

describe('the AsyncAPI loader', () => {
  it('reads the 30th contract as it read the first, a new parser taking over on the way (the old one kept every document)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'portolan-loader-'));
    try {
      await writeFile(path.join(root, 'asyncapi.yaml'), contract);
      await writeFile(
        path.join(root, 'messages.yaml'),
        'OrderPlaced:\n  messageId: orderPlaced\n  payload: { type: object, properties: { id: { type: string } } }\n',
      );
      const loader = createAsyncApiLoader();
      const doc = readSource('asyncapi.yaml', contract).value!;
      const read = async () => {
        const { value, diagnostics } = await loader.load(doc, path.join(root, 'asyncapi.yaml'), root);
        return {
          diagnostics,
          messages: value!
            .allMessages()
            .all()
            .map((m) => [m.id(), m.payload()?.json()]),
        };
      };
      const first = await read();
      expect(first.messages).toEqual([['orderPlaced', expect.objectContaining({ properties: { id: expect.objectContaining({ type: 'string' }) } })]]);
      for (let i = 2; i < 30; i++) await read();
      expect(await read()).toEqual(first);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
