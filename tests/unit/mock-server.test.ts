import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// A public OpenAPI 3.1 API and a public Swagger 2.0 API of the example catalogue.
const fibreDir = path.join(projectRoot, 'catalog/product-catalogue/fibre-eligibility-api');
const coverageDir = path.join(projectRoot, 'catalog/insight/network-coverage-api');

interface ExampleFile {
  request?: { params?: Record<string, string>; query?: Record<string, string>; body?: Record<string, unknown> };
  response: { body: unknown; headers?: Record<string, string> };
}

function example(apiDir: string, operationId: string, file: string): ExampleFile {
  return JSON.parse(readFileSync(path.join(apiDir, 'examples', operationId, file), 'utf8')) as ExampleFile;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let mock: ChildProcessWithoutNullStreams;
let port: number;
let stdout = '';
let stderr = '';
const exited = () => new Promise<number | null>((resolve) => (mock.exitCode !== null ? resolve(mock.exitCode) : mock.once('exit', (code) => resolve(code))));

/** A request to the mock, with a bearer token unless told otherwise. */
function call(route: string, init: RequestInit & { token?: false } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== false) headers.set('authorization', 'Bearer any-token');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return fetch(`http://localhost:${port}${route}`, { ...init, headers });
}

beforeAll(async () => {
  port = await freePort();
  mock = spawn(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), 'mock', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: '1' },
  });
  mock.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  mock.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    mock.stdout.on('data', () => stdout.includes('Ctrl-C to stop') && resolve());
    mock.once('exit', (code) => reject(new Error(`portolan mock exited with ${code}: ${stderr}`)));
  });
});

afterAll(() => {
  if (mock.exitCode === null) mock.kill('SIGKILL');
});

describe('portolan mock on the example catalogue', () => {
  it('says which APIs it serves, of every audience, and which it cannot mock', () => {
    expect(stdout).toContain(`http://localhost:${port}/fibre-eligibility-api`);
    expect(stdout).toMatch(/fibre-eligibility-api\s+public\s+Fibre Eligibility API \(4 operations\)/);
    expect(stdout).toMatch(/service-order-api\s+internal/);
    expect(stdout).toContain('not mocked: customer-events (AsyncAPI)');
  });

  it('answers a GET with the OK example of the operation', async () => {
    const ok = example(fibreDir, 'getAddress', '200.json');
    const response = await call(`/fibre-eligibility-api/geographicAddress/${ok.request!.params!['id']}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(ok.response.body);
  });

  it('answers the KO example of the status asked for with Prefer: code', async () => {
    const ko = example(fibreDir, 'getAddress', '404.json');
    const response = await call(`/fibre-eligibility-api/geographicAddress/${ko.request!.params!['id']}`, { headers: { prefer: 'code=404' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual(ko.response.body);
  });

  it('answers a labelled example with Prefer: example, finding its status from the label', async () => {
    const ko = example(fibreDir, 'getQualification', '404.expired.json');
    const response = await call(`/fibre-eligibility-api/checkProductOfferingQualification/${ko.request!.params!['id']}`, {
      headers: { prefer: 'example=expired' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(ko.response.body);
  });

  it('answers a POST with a valid body with the OK example named after its status, before labelled ones and the contract’s own', async () => {
    const ok = example(fibreDir, 'checkQualification', '201.json');
    const response = await call('/fibre-eligibility-api/checkProductOfferingQualification', { method: 'POST', body: JSON.stringify(ok.request!.body) });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(ok.response.body);
  });

  it('answers another OK example of a POST with Prefer: example', async () => {
    const ok = example(fibreDir, 'checkQualification', '201.civil-works.json');
    const response = await call('/fibre-eligibility-api/checkProductOfferingQualification', {
      method: 'POST',
      body: JSON.stringify(ok.request!.body),
      headers: { prefer: 'example=civil-works' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(ok.response.body);
  });

  it('answers a KO example of a POST with its headers', async () => {
    const ko = example(fibreDir, 'checkQualification', '503.json');
    const response = await call('/fibre-eligibility-api/checkProductOfferingQualification', {
      method: 'POST',
      body: JSON.stringify(ko.request!.body),
      headers: { prefer: 'code=503' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(ko.response.headers!['Retry-After']);
    expect(await response.json()).toEqual(ko.response.body);
  });

  it('answers 400 problem+json naming each field of a body that does not match the contract', async () => {
    const contract = parse(readFileSync(path.join(fibreDir, 'openapi.yaml'), 'utf8'));
    const schema = contract.components.schemas.QualificationRequest;
    const [required] = schema.required as string[];
    const valid = example(fibreDir, 'checkQualification', '201.json').request!.body!;
    const stringField = Object.keys(schema.properties).find((name) => schema.properties[name].type === 'string' && name !== required)!;
    const invalid = { ...valid, [stringField]: 42 };
    delete invalid[required!];
    const response = await call('/fibre-eligibility-api/checkProductOfferingQualification', { method: 'POST', body: JSON.stringify(invalid) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(problem['invalid-params']).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: required, in: 'body' }), expect.objectContaining({ name: stringField, in: 'body' })]),
    );
  });

  it('answers 400 naming a missing required query parameter, and examples of a Swagger 2.0 contract', async () => {
    const ok = example(coverageDir, 'getCoverageByPostcode', '200.json');
    const found = await call(`/network-coverage-api/coverage/postcode/${ok.request!.params!['postcode']}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual(ok.response.body);
    const ko = example(coverageDir, 'getCoverageByPostcode', '404.json');
    const missing = await call(`/network-coverage-api/coverage/postcode/${ko.request!.params!['postcode']}`, { headers: { prefer: 'code=404' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(ko.response.body);

    const [kept, dropped] = Object.entries(example(coverageDir, 'getCoverageAtPosition', '200.json').request!.query!);
    const response = await call(`/network-coverage-api/coverage?${new URLSearchParams([kept!])}`);
    expect(response.status).toBe(400);
    expect((await response.json())['invalid-params']).toEqual([expect.objectContaining({ name: dropped![0], in: 'query' })]);
  });

  it('answers 401 problem+json when credentials the contract requires are missing', async () => {
    const ok = example(fibreDir, 'getAddress', '200.json');
    const response = await call(`/fibre-eligibility-api/geographicAddress/${ok.request!.params!['id']}`, { token: false });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await response.json()).detail).toContain('Authorization: Bearer');
  });

  it('answers 404 problem+json for an unknown path, and for an unknown API with the list of mocked ones', async () => {
    const unknownPath = await call('/fibre-eligibility-api/no/such/path');
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers.get('content-type')).toBe('application/problem+json');
    expect(await unknownPath.json()).toMatchObject({ status: 404, detail: 'fibre-eligibility-api has no operation at /no/such/path.' });

    const api = await call('/no-such-api/customer');
    expect(api.status).toBe(404);
    const problem = await api.json();
    expect(problem.detail).toContain('No API "no-such-api" is mocked here');
    expect(problem.apis).toEqual(expect.arrayContaining(['fibre-eligibility-api', 'network-coverage-api']));
  });

  it('lets a web app on another localhost port call it (CORS), and no other origin', async () => {
    const route = `http://localhost:${port}/fibre-eligibility-api/checkProductOfferingQualification`;
    const preflight = await fetch(route, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, prefer',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type, prefer');

    const ok = example(fibreDir, 'getAddress', '200.json');
    const read = await call(`/fibre-eligibility-api/geographicAddress/${ok.request!.params!['id']}`, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');

    const foreign = await fetch(route, { method: 'OPTIONS', headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exits 2 with one line, no stack trace, when the port is taken', () => {
    const second = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), 'mock', '--port', String(port)], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(second.status).toBe(2);
    expect(second.stderr.trim()).toBe(`portolan mock failed: port ${port} is already in use; stop what uses it or choose another with --port`);
  });

  it('exits 2 with the usage on a bad option', () => {
    const bad = spawnSync(process.execPath, [path.join(projectRoot, 'bin/portolan.js'), 'mock', '--port', 'http'], { cwd: projectRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be a port number, not "http"');
    expect(bad.stderr).toContain('Usage: portolan');
  });

  it('stops on SIGTERM with status 0', async () => {
    mock.kill('SIGTERM');
    expect(await exited()).toBe(0);
  });
});
