import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Ruleset, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { sha256 } from '../catalog/cache/read-log.ts';
import { hasExternalRefs, mayHaveExternalRefs } from '../catalog/contracts/external-refs.ts';
import { isConfined } from '../catalog/contracts/ref-guard.ts';
import type { Diagnostic } from '../catalog/diagnostics.ts';
import { isDefinition, type LintPlan } from './lint-plan.ts';
import { judgedAsWritten } from './built-in-rulesets.ts';
import { spectralRuleset, type ContractFormat } from './spectral-ruleset.ts';

/** One contract to lint. */
export interface LintJob {
  root: string;
  apiId: string;
  contractFile: string;
  format: ContractFormat;
  plan: LintPlan;
}

/** What linting a contract found, with every file it read and its hash (the cache checks them). */
export interface LintOutcome {
  diagnostics: Diagnostic[];
  rulesRun: number;
  reads: [string, string | null][];
}

/** Findings the contract stage already reports (syntax), or that say nothing about design. */
const leftToCheck = new Set(['parser', 'unrecognized-format']);

/** Rulesets made in this thread, by format, plan and reading: making one (OpenAPI and OWASP) costs more than linting a small contract. */
const rulesets = new Map<string, Ruleset>();

/** `as-written`: the rules of `judgedAsWritten` the catalogue did not redefine run on the contract as written, the others resolved. */
export type Reading = 'resolved' | 'as-written';

function rulesetOf(plan: LintPlan, format: ContractFormat, reading: Reading): Ruleset {
  const key = JSON.stringify([format, plan, reading]);
  let ruleset = rulesets.get(key);
  if (!ruleset) {
    ruleset = new Ruleset(spectralRuleset(plan, format));
    if (reading === 'as-written')
      for (const name of judgedAsWritten) {
        const rule = ruleset.rules[name];
        if (rule && !isDefinition(plan.rules[name])) rule.resolved = false;
      }
    rulesets.set(key, ruleset);
  }
  return ruleset;
}

/**
 * Lints one contract with the plan's ruleset; $refs are followed inside the catalogue only, never
 * over the network. A contract that refers to no other file is read as written unless `reading` says.
 */
export async function runLintJob(job: LintJob, reading?: Reading): Promise<LintOutcome> {
  const reads = new Map<string, string | null>();
  const readConfined = (absolute: string): string => {
    const rel = path.relative(job.root, absolute).split(path.sep).join('/');
    if (!isConfined(absolute, job.root)) throw new Error(`${rel} is outside the catalogue`);
    try {
      const text = readFileSync(absolute, 'utf8');
      reads.set(rel, sha256(text));
      return text;
    } catch (error) {
      reads.set(rel, null);
      throw error;
    }
  };
  const resolver = new Resolver({ resolvers: { file: { resolve: async (uri: { path(): string }) => readConfined(decodeURIComponent(uri.path())) } } });
  // A Spectral and a resolver of each job's own, so every file its $refs read is recorded for the cache.
  const spectral = new Spectral({ resolver });
  const absolute = path.join(job.root, job.contractFile);
  const text = readConfined(absolute);
  const document = new Document(text, Parsers.Yaml, absolute);
  const external = mayHaveExternalRefs(text) && hasExternalRefs(document.data);
  const ruleset = rulesetOf(job.plan, job.format, reading ?? (external ? 'resolved' : 'as-written'));
  spectral.setRuleset(ruleset);
  const results = await spectral.run(document);
  const errorRules = new Set(job.plan.errorRules);
  const diagnostics = results.flatMap((result) => {
    const code = String(result.code);
    if (leftToCheck.has(code) || result.severity > 1) return [];
    const rule = ruleset.rules[code];
    return [toDiagnostic(job, result, errorRules.has(code) ? 'error' : 'warning', rule?.description ?? undefined)];
  });
  const rulesRun = Object.values(ruleset.rules).filter((rule) => rule.enabled).length;
  return { diagnostics, rulesRun, reads: [...reads] };
}

/** A finding as a diagnostic: Spectral's ranges are 0-based, ours 1-based. */
function toDiagnostic(job: LintJob, result: ISpectralDiagnostic, severity: Diagnostic['severity'], description: string | undefined): Diagnostic {
  const source = result.source ? path.relative(job.root, result.source).split(path.sep).join('/') : job.contractFile;
  return {
    code: `lint/${String(result.code)}`,
    severity,
    file: source,
    line: result.range.start.line + 1,
    column: result.range.start.character + 1,
    message: result.message,
    ...(description ? { hint: description } : {}),
  };
}
