import { knownDocumentDigest } from '../catalog/cache/lazy-document.ts';
import { sha256 } from '../catalog/cache/read-log.ts';
import type { Contract } from '../catalog/model.ts';

const digests = new WeakMap<object, string>();

/**
 * The sha256 of a contract's document as JSON: the downloads and the mock files of an API are
 * both cached by it. A document from the contract cache has it already, without being decoded;
 * another is serialised once per document object.
 */
export function contractDigest(contract: Contract): string {
  return knownDocumentDigest(contract) ?? documentDigest(contract.document);
}

function documentDigest(document: unknown): string {
  if (typeof document !== 'object' || document === null) return sha256(JSON.stringify(document) ?? 'undefined');
  let digest = digests.get(document);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(document));
    digests.set(document, digest);
  }
  return digest;
}
