import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StageTimeout, Stopwatch } from '../../src/catalog/stopwatch.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A downloads stage of `ms`, run to its end on the fake clock. */
async function downloadsFor(watch: Stopwatch, ms: number): Promise<void> {
  const downloading = watch.run(
    'downloads',
    () => pause(ms),
    () => 1,
  );
  await vi.advanceTimersByTimeAsync(ms);
  await downloading;
}

describe('a stage begun in the background', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs beside the next stages and is timed by the wait, so the stages still add up to the time taken', async () => {
    const watch = new Stopwatch();
    let finished = false;
    const lint = watch.begin(
      'lint',
      async () => {
        await pause(120);
        finished = true;
        return ['a', 'b'];
      },
      (found) => found.length,
    );
    await downloadsFor(watch, 80);
    expect(finished).toBe(false);
    const waiting = lint.wait();
    await vi.advanceTimersByTimeAsync(40);
    expect(await waiting).toEqual(['a', 'b']);
    const [downloads, waited] = watch.timings;
    expect(downloads!.stage).toBe('downloads');
    expect(waited).toMatchObject({ stage: 'lint', count: 2 });
    expect(downloads!.ms).toBe(80);
    expect(waited!.besideMs).toBe(80);
    expect(waited!.ms).toBe(40);
  });

  it('reports its failure when waited for, never as an unhandled rejection while the other stages run', async () => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const watch = new Stopwatch();
      const lint = watch.begin(
        'lint',
        () => Promise.reject(new Error('the ruleset is gone')),
        () => 0,
      );
      await downloadsFor(watch, 20);
      await expect(lint.wait()).rejects.toThrow('the ruleset is gone');
      expect(unhandled).toEqual([]);
      expect(watch.timings.map((t) => t.stage)).toEqual(['downloads']);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  it('stops at the budget counted from its beginning, not from the wait', async () => {
    const watch = new Stopwatch(undefined, 100);
    const lint = watch.begin(
      'lint',
      () => pause(1_000),
      () => 0,
    );
    await vi.advanceTimersByTimeAsync(60);
    const waiting = expect(lint.wait()).rejects.toBeInstanceOf(StageTimeout);
    await vi.advanceTimersByTimeAsync(40);
    await waiting;
  });
});
