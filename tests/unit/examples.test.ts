import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

let root: string;

// One API whose contract carries its own examples: named ones, a single `example`, a request
// example, and an operation with no example at all.
const contract = `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/OrderCreate' }
            examples:
              two-items: { value: { items: [a, b] } }
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
              examples:
                two-items: { value: { id: o-1, items: [a, b] } }
        '400':
          description: Invalid
          content:
            application/problem+json:
              schema: { $ref: '#/components/schemas/Problem' }
              example: { title: No items, status: 400 }
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, example: o-7, schema: { type: string } }]
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
        '404':
          description: Unknown
          content:
            application/problem+json:
              schema: { $ref: '#/components/schemas/Problem' }
              examples:
                wrong-type: { value: { title: Unknown order, status: "404" } }
components:
  schemas:
    OrderCreate: { type: object, required: [items], properties: { items: { type: array, minItems: 1, items: { type: string } } } }
    Order: { type: object, required: [id, items], properties: { id: { type: string, examples: [o-42] }, items: { type: array, items: { type: string } } } }
    Problem: { type: object, required: [title, status], properties: { title: { type: string }, status: { type: integer } } }
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'portolan-examples-'));
  await writeFile(path.join(root, 'teams.yaml'), 'shop:\n  name: Shop team\n  productOwner: Ada Lovelace\n');
  await mkdir(path.join(root, 'sales', 'order-api'), { recursive: true });
  await writeFile(path.join(root, 'sales', 'domain.yaml'), 'name: Sales\nowner: shop\n');
  await writeFile(
    path.join(root, 'sales', 'order-api', 'api.yaml'),
    'name: Order API\nsummary: Orders\ntype: data\nlifecycle: stable\naudience: public\ncontract: openapi.yaml\nbusiness:\n  purpose: Take orders.\n',
  );
  await writeFile(path.join(root, 'sales', 'order-api', 'openapi.yaml'), contract);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('examples written in the contract', () => {
  it('are collected with status, label, OK or KO, request and response, file and line; a wrong one is a warning at its line', async () => {
    const { catalog, diagnostics } = await loadCatalog(root);
    expect(catalog).toBeDefined();
    expect(diagnostics.map((d) => [d.file, d.line, d.code, d.severity, d.message])).toEqual([
      ['sales/order-api/openapi.yaml', 43, 'example/invalid', 'warning', expect.stringContaining('/status must be integer')],
    ]);
  });

  it('fill the model, and in a build an operation without an OK example gets one generated from its schema', async () => {
    const file = path.join(root, 'sales', 'order-api', 'openapi.yaml');
    await writeFile(file, contract.replace('status: "404"', 'status: 404'));
    const { catalog, diagnostics } = await loadCatalog(root, { keepDocuments: true });
    expect(diagnostics).toEqual([]);
    const [createOrder, getOrder] = catalog!.apis[0]!.contract.operations;
    expect(
      createOrder!.examples.map((e) => ({ status: e.status, label: e.label, ok: e.ok, request: e.request, response: e.response, line: e.source.line })),
    ).toEqual([
      { status: '201', label: 'two-items', ok: true, request: { body: { items: ['a', 'b'] } }, response: { body: { id: 'o-1', items: ['a', 'b'] } }, line: 20 },
      { status: '400', label: 'example', ok: false, request: undefined, response: { body: { title: 'No items', status: 400 } }, line: 26 },
    ]);
    const generated = getOrder!.examples.find((e) => e.ok);
    expect(generated).toMatchObject({
      status: '200',
      generated: true,
      request: { params: { id: 'o-7' } },
      response: { body: { id: 'o-42', items: [expect.any(String)] } },
    });
    expect(getOrder!.examples.find((e) => !e.ok)).toMatchObject({ status: '404', label: 'wrong-type', response: { body: { status: 404 } } });
  });
});
