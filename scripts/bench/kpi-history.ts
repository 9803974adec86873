/**
 * The KPI history's budget (issue 18): the trends of a catalogue with a 2,000-commit history in
 * 10 s at most. `node scripts/bench/kpi-history.ts [--apis 200] [--commits 2000] [--keep]`
 * generates a catalogue (generate-catalog.ts), commits it, then adds the other commits with one
 * `git fast-import` (each changes one api.yaml: its lifecycle, a new API every tenth commit, an
 * api.yaml that fails the schema every fiftieth), spread over five years; then times readTrends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTrends } from '../../src/kpi/trends.ts';
import { generateCatalog } from './generate-catalog.ts';

const budgetMs = 10_000;
const { values } = parseArgs({
  options: { apis: { type: 'string', default: '200' }, commits: { type: 'string', default: '2000' }, keep: { type: 'boolean', default: false } },
});
const apis = Number(values.apis);
const commits = Number(values.commits);
if (!Number.isInteger(apis) || apis < 1 || !Number.isInteger(commits) || commits < 2) {
  console.error('usage: node scripts/bench/kpi-history.ts [--apis N] [--commits C] [--keep]   (N >= 1, C >= 2)');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'portolan-kpi-bench-'));
const catalog = path.join(work, 'catalog');
const start = Date.parse('2021-01-04T09:00:00Z');
const step = Math.floor((5 * 365 * 86_400_000) / commits);
const identity = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (args: string[], input?: string) =>
  execFileSync('git', args, {
    cwd: work,
    input,
    env: { ...process.env, ...identity, GIT_AUTHOR_DATE: new Date(start).toISOString(), GIT_COMMITTER_DATE: new Date(start).toISOString() },
    maxBuffer: 1 << 30,
  });

try {
  generateCatalog(catalog, apis);
  git(['init', '-q', '-b', 'main']);
  git(['add', '.']);
  git(['commit', '-qm', 'the generated catalogue']);
  const files = execFileSync('git', ['ls-files', 'catalog'], { cwd: work, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('/api.yaml'));
  const texts = files.map((file) => readFileSync(path.join(work, file), 'utf8'));
  const lifecycles = ['design', 'beta', 'stable', 'stable', 'stable'];
  let stream = '';
  for (let k = 1; k < commits; k++) {
    const at = Math.floor((start + k * step) / 1000);
    const pick = (k * 7919) % files.length;
    let file = files[pick]!;
    let text = texts[pick]!.replace(/^lifecycle: .*$/m, `lifecycle: ${lifecycles[k % lifecycles.length]}`);
    if (k % 10 === 0) file = `${path.posix.dirname(path.posix.dirname(file))}/added-api-${k}/api.yaml`;
    if (k % 50 === 0) text = `${text}\nnot-a-field: true\n`;
    const message = `change ${k}`;
    stream += `commit refs/heads/main\ncommitter bench <bench@example.com> ${at} +0000\ndata ${message.length}\n${message}\n`;
    if (k === 1) stream += 'from refs/heads/main^0\n';
    stream += `M 100644 inline ${file}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  }
  git(['fast-import', '--quiet'], stream);
  git(['reset', '-q', '--hard', 'main']);

  const began = performance.now();
  const trends = await readTrends(catalog);
  const ms = Math.round(performance.now() - began);
  if ('missing' in trends) throw new Error(trends.missing);
  const last = trends.quarters.at(-1)!;
  console.log(
    `KPI history of ${commits} commits, ${apis} APIs generated: ${trends.quarters.length} quarters, ${last.portfolio.apis} APIs and ${last.skipped} skipped in ${last.quarter}`,
  );
  console.log(`readTrends: ${ms} ms (budget ${budgetMs} ms) ${ms <= budgetMs ? 'within budget' : 'OVER BUDGET'}`);
  if (values.keep) console.log(`kept: ${work}`);
  process.exitCode = ms <= budgetMs ? 0 : 1;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
