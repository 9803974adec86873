/** A JSON pointer from path segments ("/paths/~1customer~1{id}/get"). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The segments of a local `$ref` ("#/components/schemas/Customer"); undefined for any other ref. */
export function refSegments(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => decodeSegment(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A segment's percent-escapes decoded; a malformed one ("100%") is taken as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Walks `segments` from the root of `document`, following local `$ref`s met on the way (a path
 * item, a response, a request body or a parameter may be a reference). Returns the canonical
 * segments of the value reached and the value, or undefined when the path does not exist.
 */
export function walk(document: unknown, segments: readonly (string | number)[]): { segments: (string | number)[]; value: unknown } | undefined {
  let at: (string | number)[] = [];
  let value: unknown = document;
  const follow = () => {
    for (let hops = 0; hops < 32 && isRef(value); hops++) {
      const target = refSegments(value.$ref);
      if (!target) return false;
      at = target;
      value = target.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), document);
    }
    return !isRef(value);
  };
  for (const segment of segments) {
    if (!follow() || !value || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
    at = [...at, segment];
    if (value === undefined) return undefined;
  }
  return follow() ? { segments: at, value } : undefined;
}

function isRef(value: unknown): value is { $ref: string } {
  return !!value && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}
