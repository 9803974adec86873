import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readByteRange, type ByteRange } from './byte-range.ts';
import { contentTypeOf } from './content-types.ts';

/** A regular file of the served folder, open. */
export interface OpenFile {
  handle: FileHandle;
  name: string;
  size: number;
  modified: Date;
}

/**
 * Opens the first of `candidates` (paths below `root`) that is a regular file whose real path,
 * symbolic links followed, is inside the real `root`; undefined when none is. The real paths are
 * taken on each call, so a rebuild that swaps the folder is served at once.
 */
export async function openInside(root: string, candidates: readonly string[]): Promise<OpenFile | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  for (const candidate of candidates) {
    const real = await realpath(path.join(realRoot, candidate)).catch(() => undefined);
    const inside = real !== undefined && path.relative(realRoot, real);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) continue;
    // Non-blocking, so a named pipe cannot hold the request forever before it is seen not to be a file.
    const handle = await open(real!, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
    if (!handle) continue;
    const stats = await handle.stat().catch(() => undefined);
    if (stats?.isFile()) return { handle, name: real!, size: stats.size, modified: stats.mtime };
    await handle.close().catch(() => {});
  }
  return undefined;
}

/**
 * Answers with an open file and closes it: with `status` (200 unless told), 206 for a satisfiable
 * `Range`, 416 with `Content-Range: bytes *\/<size>` for any other byte range, 304 when the
 * client's `If-None-Match` holds its ETag. A client that goes away, or a file cut short while it is
 * read, ends the connection.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: OpenFile, status = 200): Promise<void> {
  let streaming = false;
  try {
    const etag = `"${file.size.toString(16)}-${file.modified.getTime().toString(16)}"`;
    const lastModified = file.modified.toUTCString();
    const headers: OutgoingHttpHeaders = {
      'content-type': contentTypeOf(file.name),
      'last-modified': lastModified,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    let range: ByteRange | 'unsatisfiable' | undefined;
    if (status === 200) {
      Object.assign(headers, { etag, 'accept-ranges': 'bytes' });
      if (holdsTag(req.headers['if-none-match'], etag)) {
        res.writeHead(304, { etag, 'last-modified': lastModified, 'cache-control': 'no-cache' });
        return void res.end();
      }
      const ifRange = req.headers['if-range'];
      if (ifRange === undefined || ifRange === etag || ifRange === lastModified) range = readByteRange(req.headers.range, file.size);
    }
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${file.size}`, 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Range not satisfiable: this file has no such bytes.\n');
    }
    const part = range ?? { start: 0, end: file.size - 1 };
    const length = part.end - part.start + 1;
    if (range) Object.assign(headers, { 'content-range': `bytes ${part.start}-${part.end}/${file.size}` });
    res.writeHead(range ? 206 : status, { ...headers, 'content-length': length });
    if (req.method === 'HEAD' || length === 0) return void res.end();
    // The stream closes the file when it ends, fails or is destroyed.
    const stream = file.handle.createReadStream({ start: part.start, end: part.end });
    streaming = true;
    try {
      await pipeline(stream, res, { end: false });
    } catch {
      return void res.destroy();
    }
    // A file a rebuild truncated while it was read: the promised length will never come.
    if (stream.bytesRead === length) res.end();
    else res.destroy();
  } finally {
    if (!streaming) await file.handle.close().catch(() => {});
  }
}

/** Whether an If-None-Match header names this ETag (weak comparison), or is `*`. */
function holdsTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const bare = tag.trim().replace(/^W\//, '');
    return bare === '*' || bare === etag;
  });
}
