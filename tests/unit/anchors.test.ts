import { describe, expect, it } from 'vitest';
import { chooseAnchors, uniqueAnchor } from '../../src/catalog/contracts/anchors.ts';

/** Operations as the contract readers make them: a slug from the operationId (or method and path), then the anchor. */
function anchorsOf(operationIds: (string | undefined)[]): { id: string; anchor: string }[] {
  const taken = new Set<string>();
  const ops = operationIds.map((operationId, i) => ({ id: uniqueAnchor(operationId ?? `get-/path/${i}`, taken), ...(operationId ? { operationId } : {}) }));
  const anchors = chooseAnchors(ops);
  return ops.map((op, i) => ({ id: op.id, anchor: anchors[i]! }));
}

describe('the anchor of an operation', () => {
  it('is its operationId, as the README promises, its slug staying as an alias', () => {
    expect(anchorsOf(['listCustomers', 'getCustomer'])).toEqual([
      { id: 'list-customers', anchor: 'listCustomers' },
      { id: 'get-customer', anchor: 'getCustomer' },
    ]);
  });

  it('falls back to the slug when the operationId has spaces, odd characters or is missing', () => {
    expect(anchorsOf(['list all customers', '../etc/passwd', 'café', '1stCustomer', 'a"b', undefined]).map((a) => a.anchor)).toEqual([
      'list-all-customers',
      'etc-passwd',
      'cafe',
      'op-1st-customer',
      'a-b',
      'get-path-5',
    ]);
  });

  it('never takes another operation’s slug, so an old link keeps landing where it did', () => {
    // "listCustomers" has the slug "list-customers"; an operation whose operationId is "list-customers" keeps a slug of its own.
    expect(anchorsOf(['listCustomers', 'list-customers'])).toEqual([
      { id: 'list-customers', anchor: 'listCustomers' },
      { id: 'list-customers-2', anchor: 'list-customers-2' },
    ]);
  });

  it('keeps an operationId that is its own slug, and stays unique', () => {
    const anchors = anchorsOf(['get-customer', 'getCustomer', 'get_customer']).map((a) => a.anchor);
    expect(anchors).toEqual(['get-customer', 'getCustomer', 'get_customer']);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('leaves the page’s own ids and the schema anchors to the page', () => {
    expect(
      chooseAnchors([
        { id: 'schemas-2', operationId: 'schemas' },
        { id: 'schema-customer', operationId: 'schema-Customer' },
      ]),
    ).toEqual(['schemas-2', 'schema-customer']);
  });

  it('keeps one anchor per operation when two share an operationId', () => {
    expect(
      chooseAnchors([
        { id: 'ping', operationId: 'ping' },
        { id: 'ping-2', operationId: 'ping' },
      ]),
    ).toEqual(['ping', 'ping-2']);
  });
});
