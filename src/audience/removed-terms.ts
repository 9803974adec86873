import { eachString } from './document-strings.ts';
import type { Catalog } from '../catalog/model.ts';
import { removedParts } from './removed-parts.ts';

/** A name of one word ("Error", "production") tells nothing: it takes two to name a part ("ReplayRequest", "invoice.replay"). */
const isCompound = (name: string) => name.length >= 4 && /[a-z][A-Z]|[A-Za-z0-9][._-][A-Za-z0-9]|[A-Za-z]\d/.test(name);

/**
 * The names of the parts of the kept contracts that the build removed because only hidden parts
 * reached them (channels and their addresses, messages, schemas, tags, security schemes, servers),
 * as hidden terms with why: only compound names, and only those that no published contract of the
 * build bears anyway.
 */
export function removedPartTerms(full: Catalog, visible: Catalog): [string, string][] {
  const whole = new Map(full.apis.map((api) => [api.id, api]));
  const terms = new Map<string, string>();
  for (const api of visible.apis) {
    const original = whole.get(api.id)?.contract.document;
    if (original === undefined || api.contract.document === undefined) continue;
    for (const part of removedParts(original, api.contract.document))
      for (const name of part.names) if (isCompound(name) && !terms.has(name)) terms.set(name, `${part.kind} of ${api.id} that only x-internal parts reach`);
  }
  if (terms.size > 0) for (const api of visible.apis) eachString(api.contract.document, (text) => terms.delete(text));
  return [...terms];
}
