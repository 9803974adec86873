import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What came back on one connection, read until the server closed it. */
export interface RawAnswer {
  /** The status of the first answer; undefined when the server closed without one. */
  status?: number;
  /** The head of the first answer, header names lowercased. */
  headers: Record<string, string>;
  /** Bytes after the first head. */
  bodyBytes: number;
  text: string;
}

/** Listens on a free port of 127.0.0.1 and gives the port. */
export function listenOnFreePort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Opens a connection, lets `talk` write to it (the bytes given, or anything it does with the
 * socket), and reads until the server closes it. A reset counts as a close.
 */
export function exchange(
  port: number,
  talk: string | Buffer | ((socket: Socket) => void),
  onData?: (socket: Socket, chunk: Buffer) => void,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      onData?.(socket, chunk);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(readAnswer(Buffer.concat(chunks))));
    if (typeof talk === 'function') talk(socket);
    else socket.write(talk);
  });
}

function readAnswer(bytes: Buffer): RawAnswer {
  const text = bytes.toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = (headEnd === -1 ? text : text.slice(0, headEnd)).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(statusLine)?.[1];
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { ...(status ? { status: Number(status) } : {}), headers, bodyBytes: headEnd === -1 ? 0 : bytes.length - headEnd - 4, text };
}

/** Whether an answer is a refusal: a 4xx, or a connection closed without an answer. */
export function isRefusal(answer: RawAnswer): boolean {
  return answer.status === undefined || (answer.status >= 400 && answer.status < 500);
}

/** Resolves once the server holds no open connection. */
export async function connectionsClosed(server: Server): Promise<void> {
  for (;;) {
    const open = await new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
