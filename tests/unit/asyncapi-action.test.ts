import { describe, expect, it } from 'vitest';
import { readerActionOf } from '../../src/catalog/contracts/asyncapi-action.ts';

describe('what the reader does for an AsyncAPI operation', () => {
  it('is the counterpart of what the application does, in AsyncAPI 2 and 3 alike', () => {
    // AsyncAPI 2: `subscribe` is what consumers may do (the application publishes), `publish` what they may send.
    expect(readerActionOf('subscribe')).toBe('receive');
    expect(readerActionOf('publish')).toBe('send');
    // AsyncAPI 3: `action` is what the application does.
    expect(readerActionOf('send')).toBe('receive');
    expect(readerActionOf('receive')).toBe('send');
  });

  it('is unknown for any other keyword', () => {
    expect([readerActionOf(undefined), readerActionOf('reply'), readerActionOf('toString')]).toEqual([undefined, undefined, undefined]);
  });
});
