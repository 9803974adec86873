import type { FoundNode } from './discover.ts';
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

/** An API file that passed its schema, with its contract once read. */
export interface ValidatedApi extends Validated<ApiConfig> {
  contract?: Contract;
}

/** Everything that passed the per-file stages, ready for cross-file rules and the model. */
export interface ValidatedCatalog {
  portal: PortalConfig;
  teams?: { doc: SourceDocument; config: Record<string, TeamInput> };
  glossary: GlossaryTerm[];
  domains: Validated<DomainConfig>[];
  services: Validated<ServiceConfig>[];
  apis: ValidatedApi[];
  /** API folders whose api.yaml failed its schema but names a contract, still checked. */
  unmodelled: { node: FoundNode; doc: SourceDocument; contract: string }[];
  docs: Map<string, { file: string; text: string }[]>;
}
