import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFolder } from '../../src/catalog/cache/cache-folder.ts';
import { sha256 } from '../../src/catalog/cache/read-log.ts';
import { keptFiles } from '../../src/publish/kept-files.ts';
import { tempFolder } from './temp-folder.ts';

describe('files kept in the cache', () => {
  it('are made once, given back as the same bytes with their sha256, and made again when their entry does not verify', async () => {
    const dir = await tempFolder('kept');
    const folder = new CacheFolder({ dir });
    const key = 'ab'.repeat(32);
    const texts = ['openapi: 3.1.0\ninfo: {title: "Ordres é"}\n', '{"openapi":"3.1.0"}', ''];
    let made = 0;
    const make = () => (made++, texts);
    const first = keptFiles(folder, key, 3, make);
    const again = keptFiles(folder, key, 3, make);
    expect(made).toBe(1);
    for (const files of [first, again]) {
      expect(files.map(({ bytes }) => Buffer.from(bytes).toString('utf8'))).toEqual(texts);
      expect(files.map(({ sha }) => sha)).toEqual(texts.map((text) => sha256(text)));
    }
    // Another count of files is another entry's shape: made again.
    keptFiles(folder, key, 2, () => (made++, texts.slice(0, 2)));
    expect(made).toBe(2);
    const [entry] = await readdir(dir);
    const bytes = await readFile(path.join(dir, entry!));
    bytes[bytes.length - 3]! ^= 1;
    await writeFile(path.join(dir, entry!), bytes);
    expect(keptFiles(folder, key, 2, () => (made++, texts.slice(0, 2))).map(({ bytes: b }) => Buffer.from(b).toString('utf8'))).toEqual(texts.slice(0, 2));
    expect(made).toBe(3);
  });
});
