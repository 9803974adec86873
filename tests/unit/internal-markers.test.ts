import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripInternal } from '../../src/audience/filter.ts';
import { withoutInternalTraces } from '../../src/audience/internal-traces.ts';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let out: string;
let files: { name: string; text: string }[];

// Each x-internal part of the fixture's contract carries a MARKER in its text, and a name of its own.
const hidden = ['MARKER', 'auditCustomerTrail', 'includeFraudSignals', 'fraudMarkerScore', 'RiskProfile', 'riskProfile', 'TrailEntry', 'forensics', '/trail'];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'portolan-markers-'));
  const catalog = path.join(projectRoot, 'tests/fixtures/catalogs/internal-markers');
  const result = spawnSync(process.execPath, ['bin/portolan.js', 'build', '--no-cache', '--catalog', catalog, '--audience', 'public', '--out', out], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  files = (await outputTexts(out)).map(({ file, text }) => ({ name: file, text }));
}, 60_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('a public build of a contract with x-internal parts', () => {
  it('holds no trace of them in any file: page, downloads, mock data, search index', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const term of hidden)
      expect(
        files.filter((f) => f.text.includes(term)).map((f) => f.name),
        term,
      ).toEqual([]);
  });

  it('still publishes what is not hidden', () => {
    const download = JSON.parse(files.find((f) => f.name === 'apis/customer-api/openapi.json')!.text);
    expect(Object.keys(download.paths)).toEqual(['/customers/{id}']);
    expect(download.components.schemas.Customer.required).toEqual(['id']);
    expect(Object.keys(download.components.schemas.Customer.properties)).toEqual(['id', 'name']);
    expect(download.paths['/customers/{id}'].get.responses['200'].content['application/json'].example).toEqual({ id: 'c-1', name: 'Ada' });
    expect(download.tags.map((t: { name: string }) => t.name)).toEqual(['customers']);
  });
});

describe('a public build of an event contract with x-internal bindings', () => {
  it('shows the channel’s and the message’s other bindings, without the hidden ones', () => {
    const page = files.find((f) => f.name === 'apis/customer-events/index.html')!.text;
    expect(page).toContain('Kafka channel binding');
    expect(page).toContain('The customer identifier.');
    expect(page).not.toMatch(/AMQP channel binding|Kafka operation binding|HTTP message binding/);
  });
});

describe('the traces of x-internal parts in a Swagger 2.0 document', () => {
  it('go with them: dangling references, orphaned definitions, discriminator mappings', () => {
    const document = {
      swagger: '2.0',
      paths: {
        '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } } } },
        '/vets': { get: { operationId: 'listVets', 'x-internal': true, responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Vet' } } } } },
      },
      definitions: {
        Pet: {
          type: 'object',
          discriminator: { propertyName: 'kind', mapping: { cat: '#/definitions/Cat', secret: '#/definitions/Secret' } },
          properties: { kind: { type: 'string' }, secret: { $ref: '#/definitions/Secret' } },
          required: ['kind', 'secret'],
        },
        Cat: { type: 'object' },
        Secret: { type: 'object', 'x-internal': true },
        Vet: { type: 'object', properties: { clinic: { $ref: '#/definitions/Clinic' } } },
        Clinic: { type: 'object' },
        Unused: { type: 'object' },
      },
    };
    const stripped = withoutInternalTraces(document, stripInternal(document)) as typeof document;
    expect(Object.keys(stripped.paths)).toEqual(['/pets']);
    // Vet and Clinic were used by the hidden operation only; Unused was never used, and stays.
    expect(Object.keys(stripped.definitions)).toEqual(['Pet', 'Cat', 'Unused']);
    expect(stripped.definitions.Pet).toEqual({
      type: 'object',
      discriminator: { propertyName: 'kind', mapping: { cat: '#/definitions/Cat' } },
      properties: { kind: { type: 'string' } },
      required: ['kind'],
    });
  });

  it('keeps what the original never tied to hidden parts: a schema used by itself only, a reference with percent-escapes', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/pets/{id}': { get: { responses: { '200': { description: 'A pet', content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/pets/{id}/copy': { get: { responses: { '200': { $ref: '#/paths/~1pets~1%7Bid%7D/get/responses/200' } } } },
      },
      components: { schemas: { Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } } } },
    };
    const stripped = withoutInternalTraces(document, stripInternal(document)) as typeof document;
    expect(Object.keys(stripped.components.schemas)).toEqual(['Tree']);
    expect(stripped.paths['/pets/{id}/copy'].get.responses['200']).toEqual({ $ref: '#/paths/~1pets~1%7Bid%7D/get/responses/200' });
  });
});
