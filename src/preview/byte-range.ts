/** The bytes `start` to `end` (both included) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What a `Range` header asks of a file of `size` bytes (RFC 9110 §14), as nginx reads it: one
 * range; `'unsatisfiable'` (a 416) for a malformed, reversed, empty or out-of-file byte range;
 * undefined (the whole file, a 200) without the header, for another unit, or for several ranges,
 * which a server may ignore and which serve mostly to make it read a file many times over.
 */
export function readByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const set = /^\s*bytes\s*=(.*)$/i.exec(header)?.[1];
  if (set === undefined) return undefined;
  const specs = set
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean);
  if (specs.length > 1) return undefined;
  if (specs.length === 0) return 'unsatisfiable';
  const [, first = '', last = ''] = /^(\d*)-(\d*)$/.exec(specs[0]!) ?? [];
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size || (last !== '' && Number(last) < start)) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
