import { sha256 } from '../catalog/cache/read-log.ts';

const digests = new WeakMap<object, string>();

/**
 * The sha256 of a contract document as JSON, made once per document object: the downloads and
 * the mock files of an API are both cached by it, and each would otherwise serialise it again.
 */
export function documentDigest(document: unknown): string {
  if (typeof document !== 'object' || document === null) return sha256(JSON.stringify(document) ?? 'undefined');
  let digest = digests.get(document);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(document));
    digests.set(document, digest);
  }
  return digest;
}
