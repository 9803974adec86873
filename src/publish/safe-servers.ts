import { isRecord } from '../catalog/is-record.ts';
import { toPointer } from '../catalog/examples/json-pointer.ts';
import { findRefusedServers, isPublishableServer } from '../catalog/server-urls.ts';

/**
 * The servers of a contract document that may not be published (server-urls.ts), as the JSON
 * pointers that refer to them: `#/servers/<name>` and `#/components/servers/<name>` (AsyncAPI),
 * root servers that refer to a refused component server included. Swagger 2.0's host is `#/host`.
 */
export function refusedServerPointers(document: unknown): Set<string> {
  const refused = new Set(findRefusedServers(document).map(({ path }) => pointerTo(path[0] === 'components' ? path.slice(0, 3) : path.slice(0, 2))));
  const servers = isRecord(document) && isRecord(document['servers']) ? document['servers'] : {};
  for (const [name, server] of Object.entries(servers)) if (refersTo(server, refused)) refused.add(pointerTo(['servers', name]));
  return refused;
}

/**
 * Whether an entry of a `servers` list or map is published: a server object that may be, a `$ref`
 * or (AsyncAPI 2 channels) a server name that does not lead to a refused one.
 */
export function keepsServer(entry: unknown, refused: ReadonlySet<string>): boolean {
  if (typeof entry === 'string') return !refused.has(pointerTo(['servers', entry]));
  return !refersTo(entry, refused) && isPublishableServer(entry);
}

function refersTo(entry: unknown, pointers: ReadonlySet<string>): boolean {
  if (!isRecord(entry) || typeof entry['$ref'] !== 'string') return false;
  const ref = entry['$ref'];
  let decoded = ref;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    // A malformed escape: compared as written.
  }
  return pointers.has(ref) || pointers.has(decoded);
}

function pointerTo(path: readonly (string | number)[]): string {
  return `#${toPointer(path)}`;
}
