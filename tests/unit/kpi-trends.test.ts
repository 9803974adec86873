import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrends, type QuarterFigures } from '../../src/kpi/trends.ts';

const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

interface ApiFields {
  type: string;
  lifecycle: string;
  audience: string;
  extra?: string;
}

const apiYaml = ({ type, lifecycle, audience, extra = '' }: ApiFields) =>
  `name: An API\nsummary: Does a thing.\ntype: ${type}\nlifecycle: ${lifecycle}\naudience: ${audience}\ncontract: openapi.yaml\nbusiness:\n  purpose: Why.\n${extra}`;

/**
 * A catalogue in a repository of its own, at `catalog/`, with a commit per step dated in different
 * quarters (nothing in the second quarter of 2025), its figures worked out by hand below.
 */
async function fixtureHistory(repo: string): Promise<void> {
  const git = (date: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: repo, env: { ...process.env, ...identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
  const put = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(repo, 'catalog', file)), { recursive: true });
    await writeFile(path.join(repo, 'catalog', file), text);
  };
  git('', 'init', '-q');
  await writeFile(path.join(repo, 'README.md'), 'not the catalogue\n');
  await put('party/domain.yaml', 'name: Party\n');
  await put('party/contact/domain.yaml', 'name: Contact\n');
  await put('party/party-api/api.yaml', apiYaml({ type: 'data', lifecycle: 'stable', audience: 'public', extra: '  rules: Some.\nconsumers: [App A]\n' }));
  await put('party/contact/contact-api/api.yaml', apiYaml({ type: 'process', lifecycle: 'beta', audience: 'internal', extra: 'dependsOn: [party-api]\n' }));
  git('', 'add', '.');
  git('2025-02-10T10:00:00Z', 'commit', '-qm', 'party and contact');
  await put('party/party-api-v2/api.yaml', apiYaml({ type: 'data', lifecycle: 'beta', audience: 'partner', extra: 'replaces: party-api\n' }));
  git('', 'add', '.');
  git('2025-03-20T10:00:00Z', 'commit', '-qm', 'party v2');
  await writeFile(path.join(repo, 'README.md'), 'outside the catalogue: not a quarter of its history\n');
  git('2025-05-01T10:00:00Z', 'commit', '-qam', 'readme');
  await put(
    'party/party-api/api.yaml',
    apiYaml({
      type: 'data',
      lifecycle: 'deprecated',
      audience: 'public',
      extra: '  rules: Some.\nconsumers: [App A]\ndeprecation: { sunset: 2025-12-31, replacedBy: party-api-v2 }\n',
    }),
  );
  await put('billing/domain.yaml', 'name: Billing\n');
  await put('billing/bad-api/api.yaml', 'name: Bad\ntype: nonsense\n');
  git('', 'add', '.');
  git('2025-08-05T10:00:00Z', 'commit', '-qm', 'party v1 deprecated; a bad api.yaml');
  await put(
    'party/party-api/api.yaml',
    apiYaml({
      type: 'data',
      lifecycle: 'retired',
      audience: 'public',
      extra: '  rules: Some.\nconsumers: [App A]\ndeprecation: { sunset: 2025-12-31, replacedBy: party-api-v2 }\n',
    }),
  );
  git('2025-11-01T10:00:00Z', 'commit', '-qam', 'party v1 retired');
}

const counts = (byType: number[], byLifecycle: number[], byAudience: number[]) => ({
  byType: { data: byType[0], process: byType[1], experience: byType[2], event: byType[3] },
  byLifecycle: { design: byLifecycle[0], beta: byLifecycle[1], stable: byLifecycle[2], deprecated: byLifecycle[3], retired: byLifecycle[4] },
  byAudience: { public: byAudience[0], partner: byAudience[1], internal: byAudience[2] },
});

describe('KPI trends from the catalogue’s git history', () => {
  let repo: string;
  let quarters: QuarterFigures[];
  beforeAll(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), 'portolan-kpi-'));
    await fixtureHistory(repo);
    const trends = await readTrends(path.join(repo, 'catalog'));
    if ('missing' in trends) throw new Error(trends.missing);
    quarters = trends.quarters;
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('has one point per quarter from the first change to the last, a quarter without a change keeping the one before', () => {
    expect(quarters.map((q) => q.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(quarters[1]!.commit).toBe(quarters[0]!.commit);
    expect(quarters.map((q) => q.skipped)).toEqual([0, 0, 1, 1]);
  });

  it('counts the portfolio’s APIs, product lines, reuse and documentation at the last commit of each quarter', () => {
    const q1 = {
      apis: 3,
      ...counts([2, 1, 0, 0], [0, 2, 1, 0, 0], [1, 1, 1]),
      productLines: 2,
      linesWithSeveralVersions: 1,
      versionsInServicePerLine: 1.5,
      // party-api: App A and contact-api (dependsOn); the others none.
      consumersPerApi: 0.667,
      reusedApis: 1,
      // 2 + 1 + 1 of 15 business fields.
      documentation: 0.267,
    };
    expect(quarters[0]!.portfolio).toEqual(q1);
    expect(quarters[1]!.portfolio).toEqual(q1);
    expect(quarters[2]!.portfolio).toEqual({ ...q1, ...counts([2, 1, 0, 0], [0, 2, 0, 1, 0], [1, 1, 1]) });
    expect(quarters[3]!.portfolio).toEqual({
      ...q1,
      ...counts([2, 1, 0, 0], [0, 2, 0, 0, 1], [1, 1, 1]),
      linesWithSeveralVersions: 0,
      versionsInServicePerLine: 1,
      consumersPerApi: 0,
      reusedApis: 0,
    });
  });

  it('rolls a sub-domain up into its parent, and leaves out a domain whose only api.yaml fails the schema', () => {
    expect(Object.keys(quarters[2]!.domains)).toEqual(['contact', 'party']);
    expect(quarters[2]!.domains['party']!.apis).toBe(3);
    expect(quarters[2]!.domains['contact']).toMatchObject({
      apis: 1,
      ...counts([0, 1, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1]),
      productLines: 1,
      consumersPerApi: 0,
      documentation: 0.2,
    });
  });

  it('says why there are no trends outside a git repository and in a shallow clone', async () => {
    const bare = await mkdtemp(path.join(os.tmpdir(), 'portolan-kpi-plain-'));
    const shallow = await mkdtemp(path.join(os.tmpdir(), 'portolan-kpi-shallow-'));
    try {
      expect(await readTrends(bare)).toEqual({ missing: expect.stringContaining('not in a git repository') });
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], { stdio: 'ignore' });
      expect(await readTrends(path.join(shallow, 'catalog'))).toEqual({ missing: expect.stringContaining('fetch-depth: 0') });
    } finally {
      await rm(bare, { recursive: true, force: true });
      await rm(shallow, { recursive: true, force: true });
    }
  });
});
