import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchedWrites } from '../../src/publish/batched-writes.ts';
import { tempFolder } from './temp-folder.ts';

describe('batched writes', () => {
  it('write every file, in folders they make, whatever the batches', async () => {
    const dir = await tempFolder('writes');
    const writes = new BatchedWrites();
    for (let n = 0; n < 100; n++) await writes.write(path.join(dir, `f${n % 7}`, 'deep', `${n}.txt`), `file ${n}`);
    await writes.done();
    const texts = await Promise.all(Array.from({ length: 100 }, (_, n) => readFile(path.join(dir, `f${n % 7}`, 'deep', `${n}.txt`), 'utf8')));
    expect(texts).toEqual(Array.from({ length: 100 }, (_, n) => `file ${n}`));
  });

  it('fail when a write fails', async () => {
    const dir = await tempFolder('writes');
    await writeFile(path.join(dir, 'taken'), 'a file, not a folder');
    const writes = new BatchedWrites();
    await writes.write(path.join(dir, 'taken', 'x.json'), '{}');
    await expect(writes.done()).rejects.toThrow(/taken/);
  });
});
