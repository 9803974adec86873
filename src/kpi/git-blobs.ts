import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * One long-lived `git cat-file --batch` process: blobs are asked one at a time and read back from
 * its output. Close it when done.
 */
export class BlobReader {
  private readonly git: ChildProcessByStdio<Writable, Readable, null>;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private ended = false;

  constructor(repository: string) {
    this.git = spawn('git', ['-C', repository, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.git.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    this.git.on('close', () => {
      this.ended = true;
      this.wake();
    });
    this.git.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  private async bytes(count: number): Promise<Buffer> {
    while (this.buffer.length < count) {
      if (this.ended) throw new Error('git cat-file stopped before answering');
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const taken = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return taken;
  }

  private async line(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf(10);
      if (end >= 0) return (await this.bytes(end + 1)).toString('utf8', 0, end);
      if (this.ended) throw new Error('git cat-file stopped before answering');
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** The text of blob `sha`; undefined when git does not have it. */
  async read(sha: string): Promise<string | undefined> {
    this.git.stdin.write(`${sha}\n`);
    const header = await this.line();
    if (header.endsWith(' missing')) return undefined;
    const size = Number(header.split(' ')[2]);
    const body = await this.bytes(size + 1);
    return body.toString('utf8', 0, size);
  }

  /** Ends the process. */
  close(): void {
    this.git.stdin.end();
  }
}
