import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { codes } from '../../src/catalog/codes.ts';

describe('the README', () => {
  it('lists every diagnostic code with its title', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [code, { title }] of Object.entries(codes)) expect(readme).toContain(`| \`${code}\` | ${title} |`);
  });
});
