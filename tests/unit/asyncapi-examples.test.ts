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

  it('are checked quickly against a recursive payload: the check ends, with the example left to the parser', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'portolan-recursive-'));
    try {
      await writeFile(path.join(root, 'teams.yaml'), 'ops:\n  name: Ops\n');
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
});
