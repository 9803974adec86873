import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { isJsonSafe } from './json-safe.ts';

/** Bumped whenever the layout of an entry or of its parts changes: older entries are then ignored. */
export const entryFormatVersion = 3;

const magic = Buffer.from('PORTOLAN');
const encodings = ['json', 'v8', 'bytes'] as const;
const keyAt = magic.length + 4;
const countAt = keyAt + 32;
const partsAt = countAt + 1;
/** Each part is described by its encoding (a byte), its length (uint32) and its sha256. */
const describedIn = 1 + 4 + 32;

/**
 * An entry's bytes: "PORTOLAN", the format version (uint32), the key (32 bytes), the number of
 * parts (a byte), each part's encoding, length and sha256, then the parts. A part is its bytes
 * when it is a Uint8Array (given back as a Buffer), JSON when that gives the value back exactly
 * (isJsonSafe), else v8.serialize: the structured clone the worker threads send outcomes by.
 * JSON.parse reads the outcomes of 1,000 APIs (63 MB) in 0.45-0.75 s, v8.deserialize in 1.5-2.2 s
 * (same run). Parts are verified and decoded only when asked for, so a reader that needs the
 * first part does not pay for the others.
 */
export function encodeEntry(key: string, parts: readonly unknown[]): Buffer {
  const encoded = parts.map(encodePart);
  const header = Buffer.alloc(partsAt + describedIn * parts.length);
  magic.copy(header, 0);
  header.writeUInt32BE(entryFormatVersion, magic.length);
  Buffer.from(key, 'hex').copy(header, keyAt);
  header.writeUInt8(parts.length, countAt);
  encoded.forEach(({ encoding, bytes }, index) => {
    const at = partsAt + describedIn * index;
    header.writeUInt8(encoding, at);
    header.writeUInt32BE(bytes.length, at + 1);
    createHash('sha256').update(bytes).digest().copy(header, at + 5);
  });
  return Buffer.concat([header, ...encoded.map(({ bytes }) => bytes)]);
}

/**
 * A part verified but not yet decoded: `digest` is the sha256 (hex) of its JSON text, which is
 * that of `JSON.stringify` of the value it gives (undefined for a v8 part), and `value()` decodes
 * it, once.
 */
export interface LazyPart {
  readonly digest: string | undefined;
  value(): unknown;
}

/**
 * The first `wanted` parts of an entry written for `key`, or undefined when it is truncated,
 * corrupt, of another format, of another key, or has fewer parts. Every part wanted is verified;
 * those from `lazyFrom` on are given as LazyPart, decoded only when their value is asked for.
 */
export function decodeEntry(key: string, bytes: Buffer, wanted: number, lazyFrom = wanted): unknown[] | undefined {
  if (bytes.length < partsAt || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  if (bytes.readUInt32BE(magic.length) !== entryFormatVersion || !bytes.subarray(keyAt, countAt).equals(Buffer.from(key, 'hex'))) return undefined;
  const count = bytes.readUInt8(countAt);
  if (count < wanted || bytes.length < partsAt + describedIn * count) return undefined;
  const parts: { encoding: number; start: number; end: number; sha: Buffer }[] = [];
  let start = partsAt + describedIn * count;
  for (let index = 0; index < count; index++) {
    const at = partsAt + describedIn * index;
    const end = start + bytes.readUInt32BE(at + 1);
    parts.push({ encoding: bytes.readUInt8(at), start, end, sha: bytes.subarray(at + 5, at + describedIn) });
    start = end;
  }
  if (start !== bytes.length) return undefined;
  const values: unknown[] = [];
  for (const [index, part] of parts.slice(0, wanted).entries()) {
    const payload = bytes.subarray(part.start, part.end);
    const encoding = encodings[part.encoding];
    if (!encoding || !createHash('sha256').update(payload).digest().equals(part.sha)) return undefined;
    if (index >= lazyFrom) {
      values.push(lazyPart(encoding, payload, part.sha));
      continue;
    }
    try {
      values.push(decodePart(encoding, payload));
    } catch {
      return undefined;
    }
  }
  return values;
}

/** A part as JSON when that gives it back exactly, bytes as they are, anything else as a structured clone. */
function encodePart(part: unknown): { encoding: number; bytes: Uint8Array } {
  if (part instanceof Uint8Array) return { encoding: 2, bytes: part };
  return isJsonSafe(part) ? { encoding: 0, bytes: Buffer.from(JSON.stringify(part)) } : { encoding: 1, bytes: serialize(part) };
}

/** A part's value; bytes are given as a view of the entry's, not copied (the pages of 1,000 APIs are 400 MB). */
function decodePart(encoding: (typeof encodings)[number], payload: Buffer): unknown {
  if (encoding === 'bytes') return payload;
  return encoding === 'json' ? JSON.parse(payload.toString('utf8')) : deserialize(payload);
}

/** A verified part kept as its bytes: its sha256 matched, so only a bug in the writer could make it fail to decode. */
function lazyPart(encoding: (typeof encodings)[number], payload: Buffer, sha: Buffer): LazyPart {
  let decoded: { value: unknown } | undefined;
  return {
    digest: encoding === 'json' ? sha.toString('hex') : undefined,
    value() {
      decoded ??= { value: decodePart(encoding, payload) };
      return decoded.value;
    },
  };
}
