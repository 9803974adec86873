import { ApiSchema } from './api.ts';
import { DomainSchema, ServiceSchema } from './domain.ts';
import { GlossarySchema } from './glossary.ts';
import { PortalSchema } from './portal.ts';
import { TeamsSchema } from './team.ts';
import { WaiversSchema } from './waivers.ts';

/** The schema of each catalogue file kind, keyed by the editor JSON Schema's file name. */
export const fileSchemas = {
  portal: PortalSchema,
  teams: TeamsSchema,
  domain: DomainSchema,
  service: ServiceSchema,
  api: ApiSchema,
  glossary: GlossarySchema,
  waivers: WaiversSchema,
} as const;

/** A catalogue metadata file kind. */
export type FileKind = keyof typeof fileSchemas;
