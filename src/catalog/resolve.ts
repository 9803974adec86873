import { diagnose, fileStart, type Diagnostic } from './diagnostics.ts';
import { lineageDiagnostics } from './lineage.ts';
import { idPattern } from './schema/id-pattern.ts';
import { suggest } from './suggest.ts';
import type { ApiConfig } from './schema/api.ts';
import type { DomainConfig, ServiceConfig } from './schema/domain.ts';
import type { FoundNode } from './discover.ts';
import type { Checked, ValidatedCatalog } from './validated.ts';

/** The files the cross-file rules check: the valid ones, and the fields that passed of the others. */
export interface CheckedCatalog {
  teams: ValidatedCatalog['teams'];
  domains: Checked<DomainConfig>[];
  services: Checked<ServiceConfig>[];
  apis: Checked<ApiConfig>[];
  /** The id of every API folder, its api.yaml readable or not: a reference to it is not an unknown API. */
  apiIds: readonly string[];
}

/** The valid files of a catalogue with the partial ones. */
export function checkedFiles(catalog: ValidatedCatalog, nodes: readonly FoundNode[]): CheckedCatalog {
  const { partial } = catalog;
  return {
    teams: catalog.teams,
    domains: [...catalog.domains, ...partial.domains],
    services: [...catalog.services, ...partial.services],
    apis: [...catalog.apis, ...partial.apis],
    apiIds: nodes.filter((n) => n.kind === 'api').map((n) => n.id),
  };
}

/** The cross-file rules: unique ids, owners, references between APIs, deprecation, lineage. */
export function resolveReferences(catalog: CheckedCatalog): Diagnostic[] {
  return [
    ...duplicateIds('API', catalog.apis),
    ...duplicateIds('domain', catalog.domains),
    ...duplicateIds('service', catalog.services),
    ...owners(catalog),
    ...apiReferences(catalog.apis, catalog.apiIds),
    ...lineageDiagnostics(catalog.apis),
  ];
}

function duplicateIds(kind: string, items: readonly Checked<unknown>[]): Diagnostic[] {
  const first = new Map<string, Checked<unknown>>();
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const earlier = first.get(item.node.id);
    if (earlier) {
      diagnostics.push(diagnose('catalog/duplicate-id', item.node.file, fileStart, `the ${kind} id "${item.node.id}" is used twice: ${earlier.node.file} and ${item.node.file}`, { hint: `${kind} ids are unique across the catalogue; rename one of the two folders.` }));
    } else {
      first.set(item.node.id, item);
    }
  }
  return diagnostics;
}

function owners(catalog: CheckedCatalog): Diagnostic[] {
  const teamIds = [...Object.keys(catalog.teams?.config ?? {}), ...(catalog.teams?.invalid ?? [])];
  const diagnostics: Diagnostic[] = [];
  const check = (item: Checked<{ owner?: string | undefined }>) => {
    const owner = item.config.owner;
    if (owner === undefined || teamIds.includes(owner)) return;
    const at = item.doc.locate(['owner']);
    if (!catalog.teams) {
      diagnostics.push(diagnose('catalog/missing-teams', item.node.file, at, `owner "${owner}" is named but the catalogue has no teams.yaml`));
      return;
    }
    const guess = suggest(owner, teamIds);
    diagnostics.push(diagnose('catalog/unknown-owner', item.node.file, at, `owner "${owner}" is not a team in teams.yaml${guess ? `; did you mean "${guess}"?` : ''}`, { hint: teamIds.length > 0 ? `Teams declared: ${teamIds.join(', ')}.` : undefined }));
  };
  [...catalog.domains, ...catalog.services, ...catalog.apis].forEach(check);
  for (const api of catalog.apis) {
    if (!effectiveOwner(api, catalog) && !hasInvalidOwner(api, catalog)) {
      diagnostics.push(diagnose('catalog/missing-owner', api.node.file, fileStart, `the API "${api.node.id}" has no owner`));
    }
  }
  return diagnostics;
}

type Owned = Pick<Checked<{ owner?: string | undefined }>, 'node' | 'config' | 'invalid'>;
type Owners = { services: readonly Owned[]; domains: readonly Owned[] };

/** The owner of an API: its own, else its service's, else the nearest domain's. */
export function effectiveOwner(api: Owned, catalog: Owners): string | undefined {
  if (api.config.owner) return api.config.owner;
  const service = catalog.services.find((s) => s.node.dir === api.node.service);
  if (service) return service.config.owner;
  for (const dir of [...api.node.domains].reverse()) {
    const owner = catalog.domains.find((d) => d.node.dir === dir)?.config.owner;
    if (owner) return owner;
  }
  return undefined;
}

/** True when an owner on the way up from the API was written but failed its schema: that error says it already. */
function hasInvalidOwner(api: Owned, catalog: Owners): boolean {
  const chain = [api, ...catalog.services.filter((s) => s.node.dir === api.node.service), ...catalog.domains.filter((d) => api.node.domains.includes(d.node.dir))];
  return chain.some((item) => item.invalid?.has('owner'));
}

function apiReferences(apis: readonly Checked<ApiConfig>[], ids: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unknown = (api: Checked<ApiConfig>, path: (string | number)[], id: string, hint?: string) => {
    const guess = suggest(id, ids);
    diagnostics.push(diagnose('catalog/unknown-api', api.node.file, api.doc.locate(path), `"${id}" is not an API of this catalogue${guess ? `; did you mean "${guess}"?` : ''}`, hint ? { hint } : {}));
  };
  for (const api of apis) {
    const { config } = api;
    config.dependsOn?.forEach((id, i) => ids.includes(id) || unknown(api, ['dependsOn', i], id));
    config.consumers?.forEach((entry, i) => {
      const name = typeof entry === 'string' ? entry : entry.name;
      if (idPattern.test(name) && !ids.includes(name)) {
        const at = typeof entry === 'string' ? ['consumers', i] : ['consumers', i, 'name'];
        unknown(api, at, name, 'Consumers that look like identifiers must be API ids; write an application name as free text, e.g. "Mobile app".');
      }
    });
    if (config.lifecycle === 'deprecated' && !config.deprecation?.sunset && !api.invalid?.has('deprecation')) {
      diagnostics.push(diagnose('catalog/deprecation', api.node.file, api.doc.locate(['lifecycle']), `the API "${api.node.id}" is deprecated but has no sunset date`));
    }
    const replacedBy = config.deprecation?.replacedBy;
    if (replacedBy && !ids.includes(replacedBy)) unknown(api, ['deprecation', 'replacedBy'], replacedBy);
    if (config.replaces && !ids.includes(config.replaces)) unknown(api, ['replaces'], config.replaces, 'Name the folder of the earlier version this API replaces.');
  }
  return diagnostics;
}

