import type { CacheOptions, CacheStats } from '../catalog/cache/contract-cache.ts';
import { sortDiagnostics, type Diagnostic } from '../catalog/diagnostics.ts';
import { discoverCatalog } from '../catalog/discover.ts';
import { isRecord } from '../catalog/is-record.ts';
import type { LintSummary } from '../governance/figures.ts';
import { LintCache } from './lint-cache.ts';
import type { LintJob, LintOutcome } from './lint-job.ts';
import { runLintJobs } from './lint-pool.ts';
import { readRuleset, rulesetFile, type RulesetReading } from './read-ruleset.ts';
import { contractFormat, namedContracts, readOptional } from './lint-targets.ts';
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
  const found = await discoverCatalog(root, { apiFiles: false });
  const apis = found.value.nodes.filter((node) => node.kind === 'api');
  const allIds = new Set(apis.map((node) => node.id));
  if (options.api !== undefined && !allIds.has(options.api)) throw new UnknownApiError(`the catalogue has no API "${options.api}"`);
  const cache = options.cache ? new LintCache(options.cache) : undefined;
  const rulesetText = readOptional(root, rulesetFile);
  const ruleset = await (cache && rulesetText !== undefined
    ? cache.kept(['ruleset', rulesetText], isReading, () => readRuleset(rulesetText))
    : readRuleset(rulesetText));
  const named = (await namedContracts(root, apis, cache)).filter((target) => options.api === undefined || target.apiId === options.api);
  const jobs: LintJob[] = named.flatMap(({ apiId, contractFile }) => {
    const text = readOptional(root, contractFile);
    const format = text === undefined ? undefined : contractFormat(text);
    if (text !== undefined) cache?.knowText(root, contractFile, text);
    return format ? [{ root, apiId, contractFile, format, plan: ruleset.plan }] : [];
  });
  const { outcomes, stats } = await runCached(jobs, cache);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const waivers = await readWaivers(readOptional(root, waiversFile), today);
  const findings = jobs.flatMap((job, index) => outcomes[index]!.diagnostics.map((diagnostic) => ({ apiId: job.apiId, diagnostic })));
  const applied = applyWaivers(findings, waivers.waivers, { all: allIds, linted: new Set(jobs.map((job) => job.apiId)) });
  // Findings keep job order: each job's are the next outcome's length of them.
  let start = 0;
  const summaries = jobs.map((job, index) => {
    const own = applied.diagnostics.slice(start, (start += outcomes[index]!.diagnostics.length));
    return lintSummary(job.apiId, outcomes[index]!.rulesRun, own, waivers.waivers);
  });
  const diagnostics = sortDiagnostics([...ruleset.diagnostics, ...waivers.diagnostics, ...applied.problems, ...applied.diagnostics]);
  return { diagnostics, summaries, ...(stats ? { cache: stats } : {}) };
}

/** Runs the jobs the cache does not answer; a fully cached run starts no worker. */
async function runCached(jobs: readonly LintJob[], cache: LintCache | undefined): Promise<{ outcomes: LintOutcome[]; stats?: CacheStats }> {
  if (!cache) return { outcomes: await runLintJobs(jobs) };
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

function isReading(value: unknown): value is RulesetReading {
  return isRecord(value) && isRecord(value['plan']) && Array.isArray(value['diagnostics']);
}
