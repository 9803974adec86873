import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CacheOptions, CacheStats } from '../catalog/cache/contract-cache.ts';
import { isConfined } from '../catalog/contracts/ref-guard.ts';
import { sortDiagnostics, type Diagnostic } from '../catalog/diagnostics.ts';
import { discoverCatalog } from '../catalog/discover.ts';
import { isRecord } from '../catalog/is-record.ts';
import { readYaml } from '../catalog/read-yaml.ts';
import type { LintSummary } from '../governance/figures.ts';
import { LintCache } from './lint-cache.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';
import { runLintJobs } from './lint-pool.ts';
import { readRuleset, rulesetFile } from './read-ruleset.ts';
import type { ContractFormat } from './spectral-ruleset.ts';
import { lintSummary } from './lint-summary.ts';
import { applyWaivers, readWaivers, waiversFile } from './waivers.ts';

/** Options of a lint run. */
export interface LintOptions {
  /** Lint this API only. */
  api?: string;
  /** Where outcomes are cached by content; without it, every contract is linted. */
  cache?: CacheOptions;
  /** The day waivers are judged on, YYYY-MM-DD; today by default. */
  today?: string;
}

/** The findings of the design rules, and each linted API's figures. */
export interface LintResult {
  diagnostics: Diagnostic[];
  summaries: LintSummary[];
  cache?: CacheStats;
}

/** `--api` names no API of the catalogue. */
export class UnknownApiError extends Error {}

/**
 * Runs the design rules on every API's contract: the built-in rulesets and rules/ruleset.yaml,
 * in worker threads, each outcome cached by content; then rules/waivers.yaml is applied.
 */
export async function lintCatalog(root: string, options: LintOptions = {}): Promise<LintResult> {
  const found = await discoverCatalog(root);
  const targets = found.value.nodes.filter((node) => node.kind === 'api').flatMap((node) => contractOf(root, node.id, node.dir, node.file));
  const allIds = new Set(found.value.nodes.filter((node) => node.kind === 'api').map((node) => node.id));
  if (options.api !== undefined && !allIds.has(options.api)) throw new UnknownApiError(`the catalogue has no API "${options.api}"`);
  const ruleset = readRuleset(readOptional(root, rulesetFile));
  const chosen = targets.filter((target) => options.api === undefined || target.apiId === options.api);
  const jobs: LintJob[] = chosen.map((target) => ({ root, ...target, plan: ruleset.plan }));
  const { outcomes, stats } = await runCached(jobs, options.cache);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const waivers = readWaivers(readOptional(root, waiversFile), today);
  const findings = jobs.flatMap((job, index) => outcomes[index]!.diagnostics.map((diagnostic) => ({ apiId: job.apiId, diagnostic })));
  const applied = applyWaivers(findings, waivers.waivers, { all: allIds, linted: new Set(jobs.map((job) => job.apiId)) });
  const summaries = jobs.map((job, index) =>
    lintSummary(
      job.apiId,
      outcomes[index]!.rulesRun,
      applied.diagnostics.filter((_, at) => findings[at]!.apiId === job.apiId),
      waivers.waivers,
    ),
  );
  const diagnostics = sortDiagnostics([...ruleset.diagnostics, ...waivers.diagnostics, ...applied.problems, ...applied.diagnostics]);
  return { diagnostics, summaries, ...(stats ? { cache: stats } : {}) };
}

/** Runs the jobs the cache does not answer; a fully cached run starts no worker. */
async function runCached(jobs: readonly LintJob[], cacheOptions: CacheOptions | undefined): Promise<{ outcomes: LintOutcome[]; stats?: CacheStats }> {
  if (!cacheOptions) return { outcomes: await runLintJobs(jobs) };
  const cache = new LintCache(cacheOptions);
  const lookups = jobs.map((job) => cache.lookUp(job));
  const missed = jobs.flatMap((_, index) => (lookups[index]!.outcome ? [] : [index]));
  const ran = await runLintJobs(missed.map((index) => jobs[index]!));
  const outcomes = lookups.map((lookup) => lookup.outcome);
  ran.forEach((outcome, at) => {
    const index = missed[at]!;
    outcomes[index] = outcome;
    const key = lookups[index]!.key;
    if (key) cache.store(jobs[index]!, key, outcome);
  });
  cache.prune();
  return { outcomes: outcomes as LintOutcome[], stats: cache.stats };
}

/** An API's contract and its format, from its api.yaml; none when check would report it (missing, outside, unknown format). */
function contractOf(root: string, apiId: string, dir: string, file: string): { apiId: string; contractFile: string; format: ContractFormat }[] {
  const doc = readYaml(file, readOptional(root, file) ?? '').value;
  const contract = isRecord(doc?.value) ? doc.value['contract'] : undefined;
  if (typeof contract !== 'string') return [];
  const contractFile = path.posix.normalize(path.posix.join(dir, contract));
  if (contractFile.startsWith('..') || !isConfined(path.join(root, contractFile), root)) return [];
  const head = readOptional(root, contractFile)?.slice(0, 4096);
  if (head === undefined) return [];
  const format: ContractFormat | undefined = /^\s*["']?asyncapi["']?\s*:/m.test(head)
    ? 'asyncapi'
    : /^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)
      ? 'openapi'
      : undefined;
  return format ? [{ apiId, contractFile, format }] : [];
}

function readOptional(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
