import { describe, expect, it } from 'vitest';
import { RebuildLoop } from '../../src/dev/rebuild-loop.ts';

describe('the dev rebuild loop', () => {
  it('turns a burst of saves into one rebuild', async () => {
    let builds = 0;
    const loop = new RebuildLoop(
      async () => ++builds,
      () => {},
      5,
    );
    loop.schedule();
    loop.schedule();
    loop.schedule();
    await loop.idle();
    expect(builds).toBe(1);
  });

  it('coalesces the saves made during a rebuild into one rebuild after it, never two at once', async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const loop = new RebuildLoop(
      async () => {
        running++;
        most = Math.max(most, running);
        if (++builds === 1) await firstHeld;
        running--;
      },
      () => {},
      5,
    );
    loop.schedule();
    while (builds === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    loop.schedule();
    await new Promise((resolve) => setTimeout(resolve, 20));
    loop.schedule();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await loop.idle();
    expect(builds).toBe(2);
    expect(most).toBe(1);
  });

  it('goes on after a rebuild that throws, and says so', async () => {
    const results: boolean[] = [];
    const loop = new RebuildLoop(
      async () => {
        if (results.length === 0) throw new Error('half-written');
      },
      (result) => results.push(result.ok),
      5,
    );
    loop.schedule();
    await loop.idle();
    loop.schedule();
    await loop.idle();
    expect(results).toEqual([false, true]);
  });
});
