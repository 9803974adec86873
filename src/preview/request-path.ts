/** The file a request target names, as path segments below the served folder, or why it names none. */
export type RequestPath = { segments: string[] } | { invalid: string };

/**
 * Reads the path of a request target: origin-form (`/a/b?q`) or absolute-form (`http://host/a/b`).
 * Each segment is percent-decoded on its own, so an encoded slash stays inside its segment; a
 * segment that does not decode, or decodes to `..`, a slash, a backslash or a NUL, makes the whole
 * target invalid (a 400, as nginx answers a path that climbs out of its root). `.` and empty
 * segments are dropped.
 */
export function readRequestPath(target: string): RequestPath {
  let pathname: string;
  if (target.startsWith('/')) pathname = target.replace(/[?#].*$/s, '');
  else if (/^https?:\/\//i.test(target) && URL.canParse(target)) pathname = new URL(target).pathname;
  else return { invalid: 'the request target is neither a path nor an http URL' };
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { invalid: 'the path has a malformed percent-encoding' };
    }
    if (segment === '..' || /[/\\\0]/.test(segment)) return { invalid: 'the path climbs out of the portal or holds a forbidden character' };
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return { segments };
}
