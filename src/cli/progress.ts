/** Shows build progress: a live line on a terminal, plain lines otherwise. */
export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly live: boolean;
  private stage = '';
  private stageStart = 0;
  private readonly start = performance.now();

  constructor(stream: NodeJS.WriteStream) {
    this.stream = stream;
    this.live = stream.isTTY === true;
  }

  /** Reports that `stage` has handled `done` of `total` items (0 of 0 when it starts). */
  update(stage: string, done: number, total: number): void {
    if (stage !== this.stage) {
      this.finishStage();
      this.stage = stage;
      this.stageStart = performance.now();
    }
    if (this.live) {
      const count = total > 0 ? ` ${done}/${total}` : '';
      this.stream.write(`\r\x1b[K${stage}${count}  ${this.elapsed()}`);
    }
  }

  /** Ends the current stage's line. */
  done(): void {
    this.finishStage();
    this.stage = '';
  }

  private finishStage(): void {
    if (!this.stage) return;
    const took = ((performance.now() - this.stageStart) / 1000).toFixed(2);
    if (this.live) this.stream.write(`\r\x1b[K`);
    this.stream.write(`${this.stage.padEnd(10)} ${took}s  (total ${this.elapsed()})\n`);
  }

  private elapsed(): string {
    return `${((performance.now() - this.start) / 1000).toFixed(1)}s`;
  }
}
