import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { stopContractWorkers } from '../../src/catalog/contracts/run-contracts.ts';
import type { ServerLimits } from '../../src/http/guarded-server.ts';
import { createMockEngines } from '../../src/mock/mock-catalog.ts';
import { createMockServer } from '../../src/mock/server.ts';
import { createPreviewServer } from '../../src/preview/preview-server.ts';
import { connectionsClosed, exchange, isRefusal, listenOnFreePort } from './raw-http.ts';

// Small limits for the slow-client tests only, so every other test has the defaults' patience.
const impatient: ServerLimits = { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 300 };
// A connection a server must end is then seen ending by its own decision, never by its keep-alive timeout.
const patient: Partial<ServerLimits> = { keepAliveMs: 600_000 };
const bigBytes = 32 * 1024 * 1024;
const digits = '0123456789'.repeat(20);
const H = 'Host: localhost\r\nConnection: close\r\n';

let parent: string;
let out: string;
const servers: Server[] = [];
const ports = { preview: 0, slowPreview: 0, mock: 0, slowMock: 0 };

async function start(server: Server): Promise<number> {
  servers.push(server);
  return listenOnFreePort(server);
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-servers-'));
  out = path.join(parent, 'out');
  await mkdir(path.join(out, 'guides'), { recursive: true });
  await mkdir(path.join(parent, 'secret'));
  await writeFile(path.join(parent, 'secret', 'secret.txt'), 'TOP-SECRET');
  await writeFile(path.join(out, 'index.html'), '<!doctype html><title>Home</title><h1>Home</h1>');
  await writeFile(path.join(out, '404.html'), '<!doctype html><title>Not found</title><h1>Not found</h1>');
  await writeFile(path.join(out, 'guides', 'index.html'), '<!doctype html><title>Guides</title>');
  await writeFile(path.join(out, 'digits.txt'), digits);
  await writeFile(path.join(out, 'empty.txt'), '');
  await symlink(path.join(parent, 'secret', 'secret.txt'), path.join(out, 'outside.txt'));
  await symlink(path.join(parent, 'secret'), path.join(out, 'outside-dir'));
  await symlink(path.join(out, 'index.html'), path.join(out, 'home.html'));
  spawnSync('mkfifo', [path.join(out, 'pipe.txt')]);

  ports.preview = await start(createPreviewServer(out, patient));
  ports.slowPreview = await start(createPreviewServer(out, impatient));
  const loaded = await loadCatalog(path.resolve(import.meta.dirname, '../../catalog'), { keepDocuments: true });
  await stopContractWorkers();
  const { engines } = await createMockEngines(loaded.catalog!);
  ports.mock = await start(createMockServer(engines, () => {}, { maxBodyBytes: 64 * 1024, limits: patient }));
  ports.slowMock = await start(createMockServer(engines, () => {}, { limits: impatient }));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await rm(parent, { recursive: true, force: true });
});

async function expectServing(port: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

/** Requests no server may answer with anything but a 4xx or a closed connection. */
const battery: [string, string | Buffer][] = [
  ['a truncated percent-encoding', `GET /%E0%A4%A HTTP/1.1\r\n${H}\r\n`],
  ['an overlong UTF-8 dot', `GET /%c0%ae%c0%ae/secret.txt HTTP/1.1\r\n${H}\r\n`],
  ['an encoded NUL', `GET /index.html%00.txt HTTP/1.1\r\n${H}\r\n`],
  ['a raw NUL in the target', `GET /\0 HTTP/1.1\r\n${H}\r\n`],
  ['an encoded traversal', `GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${H}\r\n`],
  ['encoded dots', `GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n${H}\r\n`],
  ['backslashes', `GET /..\\..\\etc\\passwd HTTP/1.1\r\n${H}\r\n`],
  ['a double-encoded traversal', `GET /%252e%252e%252fetc%252fpasswd HTTP/1.1\r\n${H}\r\n`],
  ['an absolute-form target climbing out', `GET http://localhost/%2e%2e/etc/passwd HTTP/1.1\r\n${H}\r\n`],
  ['an asterisk target', `OPTIONS * HTTP/1.1\r\n${H}\r\n`],
  ['an authority-form target', `CONNECT evil.example:443 HTTP/1.1\r\n${H}\r\n`],
  ['an unknown method', `BREW / HTTP/1.1\r\n${H}\r\n`],
  ['a 20,000-letter method', `${'A'.repeat(20_000)} / HTTP/1.1\r\n${H}\r\n`],
  ['a 20 kB header', `GET / HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ['3,000 headers', `GET / HTTP/1.1\r\n${H}${'a: b\r\n'.repeat(3_000)}\r\n`],
  ['a Content-Length that is not a number', `POST / HTTP/1.1\r\n${H}Content-Length: abc\r\n\r\n`],
  ['two Content-Lengths', `POST / HTTP/1.1\r\n${H}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`],
  ['Content-Length with Transfer-Encoding (a smuggled request)', `POST / HTTP/1.1\r\n${H}Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG`],
  ['chunked not last', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`],
  ['a space before the colon', `POST / HTTP/1.1\r\n${H}Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n`],
  ['a bad chunk size', `POST / HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`],
  ['no Host', `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`],
  ['a Host that is not a host', `GET / HTTP/1.1\r\nHost: a b/c\r\nConnection: close\r\n\r\n`],
  ['two Hosts', `GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n`],
  ['a rebinding Host', `GET / HTTP/1.1\r\nHost: evil.example:4321\r\nConnection: close\r\n\r\n`],
  ['HTTP/0.9', 'GET /\r\n\r\n'],
  ['HTTP/9.9', `GET / HTTP/9.9\r\n${H}\r\n`],
  ['bare line feeds', 'GET / HTTP/1.1\nHost: localhost\nConnection: close\n\n'],
  ['a folded header', `GET / HTTP/1.1\r\n${H}X-A: a\r\n b\r\n\r\n`],
  ['a NUL in a header', `GET / HTTP/1.1\r\n${H}X-A: a\0b\r\n\r\n`],
  ['binary garbage', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 13, 10, 13, 10])],
];

describe.each([
  ['preview', () => ports.preview],
  ['mock', () => ports.mock],
])('the %s server, sent a malformed request', (_name, port) => {
  it.each(battery)('refuses %s and goes on serving', async (_case, request) => {
    const answer = await exchange(port(), request);
    expect(isRefusal(answer), answer.text.slice(0, 200)).toBe(true);
    expect(answer.text).not.toContain('root:');
    await expectServing(port());
  });

  it('answers to localhost and IP addresses', async () => {
    for (const host of ['localhost', `localhost:${port()}`, 'app.localhost', '127.0.0.1', '[::1]:80']) {
      const answer = await exchange(port(), `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer.status, host).toBe(200);
    }
  });

  it('survives clients that connect and send nothing, or leave mid-request', async () => {
    await Promise.all(Array.from({ length: 20 }, () => exchange(port(), (socket) => socket.end())));
    await Promise.all(Array.from({ length: 20 }, () => exchange(port(), (socket) => socket.end(`GET / HTTP/1.1\r\nHost: local`))));
    await Promise.all(Array.from({ length: 20 }, () => exchange(port(), (socket) => socket.destroy())));
    await expectServing(port());
  });
});

describe.each([
  ['preview', () => ports.slowPreview, () => servers[1]!],
  ['mock', () => ports.slowMock, () => servers[3]!],
])('the %s server, with a slow client', (_name, port, server) => {
  it('closes a connection whose headers trickle in (slowloris)', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await exchange(port(), (socket) => {
      socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
      timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 50);
      socket.once('close', () => clearInterval(timer));
    });
    expect(isRefusal(answer)).toBe(true);
    await expectServing(port());
  });

  it('closes a connection that never sends a request', async () => {
    const answer = await exchange(port(), () => {});
    expect(isRefusal(answer)).toBe(true);
    await connectionsClosed(server());
  });

  it('closes a kept-alive connection left idle', async () => {
    const answer = await exchange(port(), `GET / HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer.status).toBe(200);
  });
});

describe('the preview server', () => {
  const get = (route: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.preview}${route}`, init);

  it('serves pages, their folders and the 404 page', async () => {
    expect((await get('/')).status).toBe(200);
    expect(await (await get('/guides')).text()).toContain('Guides');
    expect(await (await get('/guides/')).text()).toContain('Guides');
    const missing = await get('/apis/nothing/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Not found');
    expect((await get('/home.html')).status).toBe(200);
  });

  it.each([
    ['bytes=100-50', 416, 'bytes */200'],
    ['bytes=-0', 416, 'bytes */200'],
    ['bytes=abc-def', 416, 'bytes */200'],
    ['bytes=200-', 416, 'bytes */200'],
    ['bytes=99999999999999999999999-', 416, 'bytes */200'],
    ['bytes=', 416, 'bytes */200'],
    ['bytes=--1', 416, 'bytes */200'],
    ['bytes=1-2-3', 416, 'bytes */200'],
    ['bytes=0-0', 206, 'bytes 0-0/200', '0'],
    ['bytes=-5', 206, 'bytes 195-199/200', '56789'],
    ['bytes=190-99999999999999999999', 206, 'bytes 190-199/200', '0123456789'],
    ['bytes = 3-4', 206, 'bytes 3-4/200', '34'],
    ['bytes=0-1,5-6', 200, null, digits],
    // Overlapping ranges are combined: a thousand of the same byte are served once.
    [`bytes=${'0-0,'.repeat(1_000)}0-0`, 206, 'bytes 0-0/200', '0'],
    ['bytes=0-3,2-5', 206, 'bytes 0-5/200', '012345'],
    ['items=0-5', 200, null, digits],
  ])('answers Range: %s with %i', async (range, status, contentRange, body?: string) => {
    const response = await get('/digits.txt', { headers: { range } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-range')).toBe(contentRange);
    if (body !== undefined) expect(await response.text()).toBe(body);
    await expectServing(ports.preview);
  });

  it('answers any range of an empty file with 416, and ignores a range whose If-Range is stale', async () => {
    const empty = await get('/empty.txt', { headers: { range: 'bytes=0-' } });
    expect([empty.status, empty.headers.get('content-range')]).toEqual([416, 'bytes */0']);
    expect((await get('/empty.txt')).status).toBe(200);
    const stale = await get('/digits.txt', { headers: { range: 'bytes=0-0', 'if-range': '"stale"' } });
    expect([stale.status, (await stale.text()).length]).toEqual([200, 200]);
    const { headers } = await get('/digits.txt');
    const fresh = await get('/digits.txt', { headers: { range: 'bytes=0-0', 'if-range': headers.get('etag')! } });
    expect(fresh.status).toBe(206);
    expect((await get('/digits.txt', { headers: { 'if-none-match': headers.get('etag')! } })).status).toBe(304);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and says what is allowed', async (method) => {
    const response = await get('/', { method, ...(method === 'OPTIONS' ? {} : { body: 'x' }) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    '/../secret/secret.txt',
    '/..%2fsecret%2fsecret.txt',
    '/%2e%2e/secret/secret.txt',
    '/.%2e/secret/secret.txt',
    '/%2e%2e%2fsecret%2fsecret.txt',
    '/..\\secret\\secret.txt',
    '/%5c..%5csecret%5csecret.txt',
    '/%252e%252e/secret/secret.txt',
    '/..;/secret/secret.txt',
    '/outside.txt',
    '/outside-dir/secret.txt',
    'http://localhost/../secret/secret.txt',
    '/pipe.txt',
  ])('gives nothing outside the out folder for %s', async (target) => {
    const answer = await exchange(ports.preview, `GET ${target} HTTP/1.1\r\n${H}\r\n`);
    expect(isRefusal(answer), answer.text.slice(0, 200)).toBe(true);
    expect(answer.text).not.toContain('TOP-SECRET');
    await expectServing(ports.preview);
  });

  it('goes on serving when clients leave mid-answer', async () => {
    await writeFile(path.join(out, 'big.bin'), Buffer.alloc(bigBytes, 'a'));
    await Promise.all(Array.from({ length: 10 }, () => exchange(ports.preview, `GET /big.bin HTTP/1.1\r\n${H}\r\n`, (socket) => socket.destroy())));
    await expectServing(ports.preview);
  });

  it('ends the connection when a rebuild cuts short the file it is sending, then serves the new one', async () => {
    await writeFile(path.join(out, 'big.bin'), Buffer.alloc(bigBytes, 'a'));
    let cut: Promise<void> | undefined;
    // Kept alive: the client would wait for the missing bytes for ever if the server did not end the connection.
    const answer = await exchange(ports.preview, `GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n`, (socket) => {
      if (cut) return;
      socket.pause();
      cut = truncate(path.join(out, 'big.bin'), 0).then(() => void socket.resume());
    });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBe(bigBytes);
    expect(answer.bodyBytes).toBeLessThan(bigBytes);
    expect((await get('/big.bin')).headers.get('content-length')).toBe('0');
  });

  it('finishes or ends the answer of a file removed while it is sent, then answers 404 for it', async () => {
    await writeFile(path.join(out, 'big.bin'), Buffer.alloc(bigBytes, 'a'));
    let removed: Promise<void> | undefined;
    const answer = await exchange(ports.preview, `GET /big.bin HTTP/1.1\r\n${H}\r\n`, (socket) => {
      if (removed) return;
      socket.pause();
      removed = unlink(path.join(out, 'big.bin')).then(() => void socket.resume());
    });
    expect(answer.status).toBe(200);
    expect((await get('/big.bin')).status).toBe(404);
    await expectServing(ports.preview);
  });

  it('cuts off a client that stops reading its answer', async () => {
    await writeFile(path.join(out, 'big.bin'), Buffer.alloc(bigBytes, 'a'));
    let waited: Promise<void> | undefined;
    const answer = await exchange(ports.slowPreview, `GET /big.bin HTTP/1.1\r\n${H}\r\n`, (socket) => {
      if (waited) return;
      socket.pause();
      waited = connectionsClosed(servers[1]!).then(() => void socket.resume());
    });
    expect(answer.bodyBytes).toBeLessThan(bigBytes);
    await expectServing(ports.slowPreview);
  });
});

describe('the mock server', () => {
  it('refuses a body over its limit, announced or not, and goes on serving', async () => {
    const announced = await exchange(ports.mock, `POST /fibre-eligibility-api/x HTTP/1.1\r\n${H}Content-Length: 100000000\r\n\r\n`);
    expect(isRefusal(announced)).toBe(true);
    const endless = await exchange(ports.mock, (socket) => {
      socket.write(`POST /fibre-eligibility-api/x HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const more = () => {
        while (socket.writable && socket.write(`4000\r\n${'a'.repeat(0x4000)}\r\n`));
        if (socket.writable) socket.once('drain', more);
      };
      more();
    });
    expect(isRefusal(endless)).toBe(true);
    await expectServing(ports.mock);
  });

  it('cuts off a body that trickles in', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await exchange(ports.slowMock, (socket) => {
      socket.write(`POST /fibre-eligibility-api/x HTTP/1.1\r\n${H}Content-Length: 100000\r\n\r\n`);
      timer = setInterval(() => socket.writable && socket.write('a'), 50);
      socket.once('close', () => clearInterval(timer));
    });
    expect(isRefusal(answer)).toBe(true);
    await expectServing(ports.slowMock);
  });

  it('answers a path that does not decode with a 400 problem', async () => {
    for (const route of ['/fibre-eligibility-api/geographicAddress/%E0%A4%A', '/%E0%A4%A', '//']) {
      const answer = await exchange(ports.mock, `GET ${route} HTTP/1.1\r\n${H}\r\n`);
      expect([route, answer.status]).toEqual([route, 400]);
      expect(answer.headers['content-type']).toBe('application/problem+json');
    }
  });
});
