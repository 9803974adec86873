import parseRange from 'range-parser';

/** The bytes `start` to `end` (both included) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What a `Range` header asks of a file of `size` bytes (RFC 9110 §14): one range; `'unsatisfiable'`
 * (a 416) for a malformed, reversed, empty or out-of-file byte range; undefined (the whole file, a
 * 200) without the header, for another unit, or for several ranges, which a server may ignore and
 * which serve mostly to make it read a file many times over.
 */
export function readByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined || !/^\s*bytes\s*=/i.test(header)) return undefined;
  // range-parser reads "bytes=" strictly: the unit and the spaces around it are this server's leniency.
  const ranges = parseRange(size, header.trim().replace(/^bytes\s*=/i, 'bytes='), { combine: true });
  if (typeof ranges === 'number') return 'unsatisfiable';
  if (ranges.length > 1) return undefined;
  const [range] = ranges;
  return range ? { start: range.start, end: range.end } : 'unsatisfiable';
}
