import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { isCyclic } from '../../src/catalog/examples/asyncapi-examples.ts';

describe('AsyncAPI example files', () => {
  it('tells a recursive schema graph from one that only shares parts', () => {
    const shared = { type: 'string' };
    expect(isCyclic({ a: shared, b: { c: shared } })).toBe(false);
    const node: Record<string, unknown> = { type: 'object' };
    node['properties'] = { children: { type: 'array', items: node } };
    expect(isCyclic(node)).toBe(true);
  });

  it('are checked quickly against a recursive payload: the check ends, the schema taken as written with its $refs', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'portolan-recursive-'));
    try {
      await writeFile(path.join(root, 'teams.yaml'), 'ops:\n  name: Ops\n  productOwner: Ada Lovelace\n');
      await mkdir(path.join(root, 'net', 'topology-events', 'examples', 'nodeChanged'), { recursive: true });
      await writeFile(path.join(root, 'net', 'domain.yaml'), 'name: Network\nowner: ops\n');
      await writeFile(
        path.join(root, 'net', 'topology-events', 'api.yaml'),
        'name: Topology events\nsummary: Nodes\ntype: event\nlifecycle: stable\naudience: internal\ncontract: asyncapi.yaml\nbusiness:\n  purpose: Tell when a node changes.\n',
      );
      await writeFile(
        path.join(root, 'net', 'topology-events', 'asyncapi.yaml'),
        `asyncapi: 3.0.0
info: { title: Topology, version: 1.0.0 }
channels:
  nodes:
    address: nodes
    messages:
      nodeChanged:
        payload: { $ref: '#/components/schemas/Node' }
operations:
  onNodeChanged:
    action: receive
    channel: { $ref: '#/channels/nodes' }
components:
  schemas:
    Node:
      type: object
      properties:
        id: { type: string }
        children: { type: array, items: { $ref: '#/components/schemas/Node' } }
`,
      );
      await writeFile(path.join(root, 'net', 'topology-events', 'examples', 'nodeChanged', 'leaf.json'), '{"payload": {"id": "n-1", "children": []}}');
      const { catalog, diagnostics } = await loadCatalog(root);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(catalog?.apis[0]?.contract.operations[0]?.messages[0]?.examples.map((e) => e.label)).toEqual(['leaf']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('written in the contract are checked against payload and headers, in 2.6 and 3.0: a warning at the wrong value', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'portolan-contract-examples-'));
    try {
      await writeFile(path.join(root, 'teams.yaml'), 'ops:\n  name: Ops\n  productOwner: Ada Lovelace\n');
      await mkdir(path.join(root, 'net'), { recursive: true });
      await writeFile(path.join(root, 'net', 'domain.yaml'), 'name: Network\nowner: ops\n');
      const node = 'Node:\n      type: object\n      required: [id]\n      properties:\n        id: { type: string }\n';
      const contracts = {
        v2: `asyncapi: 2.6.0
info: { title: Nodes, version: 1.0.0 }
channels:
  nodes:
    subscribe:
      message: { $ref: '#/components/messages/NodeChanged' }
components:
  messages:
    NodeChanged:
      messageId: nodeChanged
      headers: { type: object, properties: { trace: { type: string } } }
      payload: { $ref: '#/components/schemas/Node' }
      examples:
        - name: good
          payload: { id: n-1 }
        - name: bad
          headers: { trace: 12 }
          payload: { id: 5 }
  schemas:
    ${node}`,
        v3: `asyncapi: 3.0.0
info: { title: Nodes, version: 1.0.0 }
channels:
  nodes:
    address: nodes
    messages:
      nodeChanged: { $ref: '#/components/messages/nodeChanged' }
operations:
  onNodeChanged:
    action: receive
    channel: { $ref: '#/channels/nodes' }
components:
  messages:
    nodeChanged:
      payload: { $ref: '#/components/schemas/Node' }
      examples:
        - name: bad
          payload: { size: 3 }
  schemas:
    ${node}`,
      };
      for (const [version, text] of Object.entries(contracts)) {
        await mkdir(path.join(root, 'net', `events-${version}`), { recursive: true });
        await writeFile(path.join(root, 'net', `events-${version}`, 'asyncapi.yaml'), text);
        await writeFile(
          path.join(root, 'net', `events-${version}`, 'api.yaml'),
          `name: Events ${version}\nsummary: Nodes\ntype: event\nlifecycle: stable\naudience: internal\ncontract: asyncapi.yaml\nbusiness:\n  purpose: Tell when a node changes.\n`,
        );
      }
      const { diagnostics } = await loadCatalog(root);
      expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.severity, d.message])).toEqual([
        [
          'net/events-v2/asyncapi.yaml',
          17,
          29,
          'example/invalid',
          'warning',
          'the nodeChanged example "bad" does not match the message headers: /trace must be string',
        ],
        [
          'net/events-v2/asyncapi.yaml',
          18,
          26,
          'example/invalid',
          'warning',
          'the nodeChanged example "bad" does not match the message payload: /id must be string',
        ],
        [
          'net/events-v3/asyncapi.yaml',
          18,
          20,
          'example/invalid',
          'warning',
          `the nodeChanged example "bad" does not match the message payload: (the whole payload) must have required property 'id'`,
        ],
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
