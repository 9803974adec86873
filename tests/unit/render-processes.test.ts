import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderProcesses, shareRender, twoProcessesFrom, type RenderInput } from '../../src/build/render-site.ts';

const input: RenderInput = {
  projectRoot: '/p',
  inputsDir: '/p/inputs',
  contentDir: '/p/content',
  renderDir: '/w/render',
  cacheDir: '/w/astro-cache',
  syncContent: false,
  base: '/',
  site: undefined,
};

describe('the render', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('takes a second process on two cores from a catalogue large enough to repay its bundle, and one otherwise', () => {
    vi.stubEnv('PORTOLAN_RENDER_PROCESSES', '');
    vi.spyOn(os, 'availableParallelism').mockReturnValue(2);
    expect(renderProcesses(1)).toBe(1);
    expect(renderProcesses(twoProcessesFrom - 1)).toBe(1);
    expect(renderProcesses(twoProcessesFrom)).toBe(2);
    vi.spyOn(os, 'availableParallelism').mockReturnValue(1);
    expect(renderProcesses(5000)).toBe(1);
  });

  it('takes as many processes as PORTOLAN_RENDER_PROCESSES says, whatever the size', () => {
    vi.stubEnv('PORTOLAN_RENDER_PROCESSES', '3');
    expect(renderProcesses(1)).toBe(3);
  });

  it('gives each process every n-th API in a folder of its own, and the shared pages to the first', () => {
    const shares = shareRender(input, { shared: true, apis: ['a', 'b', 'c'] }, 2);
    expect(shares.map((share) => share.set)).toEqual([
      { shared: true, apis: ['a', 'c'] },
      { shared: false, apis: ['b'] },
    ]);
    expect(new Set(shares.map((share) => share.input.renderDir)).size).toBe(2);
    expect(shareRender(input, { shared: true, apis: ['a'] }, 2)).toHaveLength(1);
  });
});
