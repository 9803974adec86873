import type { Contract } from '../model.ts';
import type { LazyPart } from './entry-file.ts';

/** The cache part of the document of each contract the cache gave, until a document is set in its place. */
const parts = new WeakMap<Contract, LazyPart>();

/**
 * Gives a cached contract its document, decoded from the cache part the first time it is read:
 * in a build where an API did not change, nothing needs its document but the digest, which keys
 * its downloads and mock data, and the documents of 1,000 APIs are 60 MB of JSON to parse. The
 * property is a plain one again once read or set, so the contract behaves as any other.
 */
export function withLazyDocument(contract: Contract, part: LazyPart): Contract {
  const settle = (value: unknown) => Object.defineProperty(contract, 'document', { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(contract, 'document', {
    enumerable: true,
    configurable: true,
    get() {
      const value = part.value();
      settle(value);
      return value;
    },
    set(value: unknown) {
      parts.delete(contract);
      settle(value);
    },
  });
  parts.set(contract, part);
  return contract;
}

/** The sha256 of `JSON.stringify(contract.document)` when the cache knew it, without decoding the document. */
export function knownDocumentDigest(contract: Contract): string | undefined {
  const part = parts.get(contract);
  if (part?.digest === undefined) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(contract, 'document');
  // Not read yet, or read: then part.value() is what was decoded, and a document assigned since is another object.
  return descriptor?.get !== undefined || descriptor?.value === part.value() ? part.digest : undefined;
}

/** Whether the contract holds a document, without decoding one still in the cache. */
export function hasDocument(contract: Contract): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(contract, 'document');
  return descriptor?.get !== undefined || descriptor?.value !== undefined;
}

/** The contract without its document, which is not decoded when it has not been read yet. */
export function withoutDocument(contract: Contract): Contract {
  const { document: _document, ...others } = Object.getOwnPropertyDescriptors(contract);
  return Object.defineProperties({}, others) as Contract;
}
