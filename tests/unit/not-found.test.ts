import { describe, expect, it } from 'vitest';
import { searchWordsOf } from '../../src/site/not-found.ts';

describe('the words a 404 page searches for', () => {
  it('are the words of the address, without route names, versions or the base path', () => {
    expect(searchWordsOf('/apis/customer-api-v4/', '/')).toBe('customer api');
    expect(searchWordsOf('/portal/apis/billing-api/operations/invoices/', '/portal/')).toBe('billing api invoices');
    expect(searchWordsOf('/guides/rate%20limits/', '/')).toBe('rate limits');
  });

  it('are empty when the address says nothing, and survive a malformed one', () => {
    expect(searchWordsOf('/apis/', '/')).toBe('');
    expect(searchWordsOf('/%E0%A4%A/orders', '/')).toBe('e0 a4 a orders');
  });
});
