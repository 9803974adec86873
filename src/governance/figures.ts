/**
 * The figures that pass between the governance stages: lint (src/lint/) summarises each API's
 * design-rule findings, the scorecard (src/governance/) scores each API, usage (src/usage/) reads
 * the gateway's exports, and the KPI pages (src/kpi/) add them up per domain.
 */

/** A waiver of waivers.yaml as it applies to one API. */
export interface WaiverStatus {
  apiId: string;
  rule: string;
  reason: string;
  approvedBy: string;
  /** YYYY-MM-DD. */
  until: string;
  /** Past its date on the day of the build: it no longer silences its rule. */
  expired: boolean;
}

/** One API's design-rule findings, after waivers. */
export interface LintSummary {
  apiId: string;
  /** How many rules ran against its contract. */
  rulesRun: number;
  /** Distinct rule codes with at least one finding that no waiver in force silences. */
  rulesFailed: string[];
  /** Distinct rule codes whose every finding a waiver in force silences. */
  rulesWaived: string[];
  errors: number;
  warnings: number;
  waivers: WaiverStatus[];
}

/** What the KPI pages read of one API's scorecard; the scorecard shown on the page holds more. */
export interface ScorecardFigures {
  apiId: string;
  /** 0–100, by the formula written on the page. */
  score: number;
  /** 0–1: the share of business fields filled. */
  documentation: number;
  /** 0–1: the share of operations with both an OK and a KO example. */
  exampleCoverage: number;
  /** 0–1: the share of design rules passed (waived counts as passed); undefined when lint did not run. */
  designRules: number | undefined;
  waiversInForce: number;
}
