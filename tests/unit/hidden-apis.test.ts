import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputTexts } from '../../src/site/built-files.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// An internal and a partner API with a marker in every field: name, summary, business docs, SLA,
// environment, consumers, tags, contract, docs page, examples; the internal one with a team of its
// own; a public API naming both as consumers and one as a dependency, and applications as consumers
// for each audience.
const catalog = path.join(projectRoot, 'tests/fixtures/catalogs/hidden-api-markers');
// Guides for each audience, and a private repository (portal.yaml) whose address is marked too.
const content = path.join(projectRoot, 'tests/fixtures/content/audience-guides');
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'portolan-hidden-'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** Builds the fixture for `audience` and returns every file's text, the search index inflated. */
async function build(audience: string): Promise<{ name: string; text: string }[]> {
  const out = path.join(parent, audience);
  const result = spawnSync(
    process.execPath,
    ['bin/portolan.js', 'build', '--no-cache', '--catalog', catalog, '--content', content, '--audience', audience, '--out', out],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return (await outputTexts(out)).map(({ file, text }) => ({ name: file, text }));
}

const holding = (files: { name: string; text: string }[], text: string) => files.filter((f) => f.text.includes(text)).map((f) => f.name);

describe('APIs of a wider audience than the build', () => {
  it('leave a partner build with the partner API in full and nothing of the internal one', async () => {
    const files = await build('partner');
    expect(holding(files, 'MARKER-INTERNAL')).toEqual([]);
    expect(holding(files, 'ledger-api')).toEqual([]);
    for (const marker of ['SUMMARY', 'PURPOSE', 'DOC-TEXT', 'OPERATION-SUMMARY', 'EXAMPLE-VALUE', 'CONSUMER-APP', 'CONSUMER-NAME', 'GUIDE-TITLE', 'GUIDE-TEXT'])
      expect(holding(files, `MARKER-PARTNER-${marker}`), marker).not.toEqual([]);
    expect(holding(files, 'https://partner.example.net')).toContain('_headers');
  }, 60_000);

  // Built after the partner one: nothing it cached may carry partner content into this one.
  it('leave nothing in any file of a public build: no marker, no environment, no consumer but the public ones', async () => {
    const files = await build('public');
    expect(holding(files, 'MARKER-INTERNAL')).toEqual([]);
    expect(holding(files, 'MARKER-PARTNER')).toEqual([]);
    expect(holding(files, 'ledger-api')).toEqual([]);
    expect(holding(files, 'wholesale-api')).toEqual([]);
    expect(holding(files, 'partner.example.net')).toEqual([]);
    expect(holding(files, 'internal.example.net')).toEqual([]);
    expect(holding(files, 'Mobile app')).not.toEqual([]);
    expect(holding(files, 'Every reader sees this guide.')).not.toEqual([]);
    expect(holding(files, 'Edit this page')).toEqual([]);
  }, 60_000);

  // What the other builds must leave out is really there for internal readers.
  it('leave an internal build with the internal guide, the internal consumer and edit links to the private repository', async () => {
    const files = await build('internal');
    for (const marker of ['GUIDE-TITLE', 'GUIDE-TEXT', 'CONSUMER-NAME', 'REPOSITORY'])
      expect(holding(files, `MARKER-INTERNAL-${marker}`), marker).not.toEqual([]);
    expect(holding(files, 'Edit this page')).not.toEqual([]);
    // The public API says it replaces the internal one: only this build shows the two as versions.
    expect(holding(files, 'aria-label="Versions of this API"').sort()).toEqual(['apis/customer-api/index.html', 'apis/ledger-api/index.html']);
  }, 60_000);
});
