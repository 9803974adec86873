import type { FoundNode } from './discover.ts';
import type { ContractShape } from './contracts/contract-shape.ts';
import type { Contract, GlossaryTerm } from './model.ts';
import type { SourceDocument } from './read-yaml.ts';
import type { ApiConfig } from './schema/api.ts';
import type { DomainConfig, ServiceConfig } from './schema/domain.ts';
import type { PortalConfig } from './schema/portal.ts';
import type { TeamInput } from './schema/team.ts';

/** A catalogue file that passed its schema, with its source for positions. */
export interface Validated<T> {
  node: FoundNode;
  config: T;
  doc: SourceDocument;
}

/** A file as the cross-file rules see it: a valid file, or the fields that passed of one that failed its schema. */
export interface Checked<T> {
  node: FoundNode;
  config: Partial<T>;
  doc: SourceDocument;
  /** Fields written but invalid, already reported by the schema. */
  invalid?: ReadonlySet<string>;
}

/** An API file that passed its schema, with its contract once read. */
export interface ValidatedApi extends Validated<ApiConfig> {
  contract?: Contract;
  /** What the duplicate-API rule compares, read even when the contract is not (a warm check). */
  shape?: ContractShape;
}

/** Everything that passed the per-file stages, ready for cross-file rules and the model. */
export interface ValidatedCatalog {
  portal: PortalConfig;
  /** The teams; of a teams.yaml that failed its schema, the valid entries, and the ids of the others in `invalid`. */
  teams?: { doc: SourceDocument; config: Record<string, TeamInput>; invalid?: ReadonlySet<string> };
  glossary: GlossaryTerm[];
  domains: Validated<DomainConfig>[];
  services: Validated<ServiceConfig>[];
  apis: ValidatedApi[];
  /** Files that failed their schema, with the fields that passed: for the cross-file rules and contracts, never the model. */
  partial: { domains: Checked<DomainConfig>[]; services: Checked<ServiceConfig>[]; apis: Checked<ApiConfig>[] };
  docs: Map<string, { file: string; text: string }[]>;
}
