/** How one rebuild ended, as the loop passes it on. */
export type RebuildResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `rebuild` once `quietMs` has passed without a new `schedule()`, never two at once: saves
 * made while a rebuild runs are coalesced into one rebuild after it. An editor's save is often
 * several writes (a truncate, then the bytes), which the wait turns into one rebuild.
 */
export class RebuildLoop<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private pending = false;
  private readonly rebuild: () => Promise<T>;
  private readonly onDone: (result: RebuildResult<T>) => void;
  private readonly quietMs: number;

  constructor(rebuild: () => Promise<T>, onDone: (result: RebuildResult<T>) => void, quietMs = 120) {
    this.rebuild = rebuild;
    this.onDone = onDone;
    this.quietMs = quietMs;
  }

  /** Asks for a rebuild after the next quiet moment. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /** Resolves once no rebuild runs or waits to run. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, this.quietMs));
    }
  }

  /** Cancels a rebuild that waits; one that runs finishes. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }

  private start(): void {
    this.timer = undefined;
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = this.run();
  }

  private async run(): Promise<void> {
    do {
      this.pending = false;
      let result: RebuildResult<T>;
      try {
        result = { ok: true, value: await this.rebuild() };
      } catch (error) {
        result = { ok: false, error };
      }
      this.onDone(result);
    } while (this.pending);
    this.running = undefined;
  }
}
