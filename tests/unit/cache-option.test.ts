import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseCache } from '../../src/cli/cache-option.ts';

afterEach(() => vi.restoreAllMocks());

describe('the cache a command chooses', () => {
  it('says once that its folder cannot be written, however many of the run’s caches find it so', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const values of [{ cache: '/tmp/portolan-cache-option' }, {}]) {
      printed.mockClear();
      const cache = chooseCache(values, { catalog: '/tmp/portolan-cache-option-catalog' });
      cache?.onWarning?.('the cache folder "x" cannot be written (EACCES)');
      cache?.onWarning?.('the cache folder "x" cannot be written (EACCES)');
      expect(printed).toHaveBeenCalledTimes(1);
    }
  });
});
