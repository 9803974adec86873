import type { Code } from '../codes.ts';
import type { ContractShape } from '../contracts/contract-shape.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import type { CheckedCatalog } from '../resolve.ts';
import type { ValidatedCatalog } from '../validated.ts';
import type { RuleCode } from './rule-codes.ts';

/** What a business rule reads: the checked files, the docs pages, and what the earlier stages found. */
export interface RuleContext {
  catalog: CheckedCatalog;
  docs: ValidatedCatalog['docs'];
  /** Each API's contract shape, by API folder; an API whose contract failed has none. */
  shapes: ReadonlyMap<string, ContractShape>;
  diagnostics: readonly Diagnostic[];
}

/** A rule reviewers used to apply by hand, run after resolve. */
export interface BusinessRule {
  code: RuleCode;
  /** Its severity unless portal.yaml's `rules:` says otherwise. */
  severity: Severity;
  /** A code whose finding this rule restates, more strictly, at the same place: that finding is dropped. */
  supersedes?: Code;
  check(context: RuleContext): Diagnostic[];
}
