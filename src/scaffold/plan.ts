import path from 'node:path';
import { Document, parseDocument, stringify } from 'yaml';
import { diagnose, fileStart, type Diagnostic } from '../catalog/diagnostics.ts';
import { IdSchema } from '../catalog/schema/common.ts';
import { suggest } from '../catalog/suggest.ts';
import type { CatalogView } from './catalog-view.ts';
import type { ScaffoldKind } from './kinds.ts';
import { schemaLine } from './schema-line.ts';
import { asyncApiStarter, openApiStarter, starterExamples } from './starters.ts';

/** Everything a scaffold needs, once prompts and defaults have filled it in. */
export interface ScaffoldInput {
  kind: ScaffoldKind;
  id: string;
  name: string;
  /** Catalogue-relative folder the new folder goes in ('' for the root). */
  in: string;
  summary?: string;
  type?: 'data' | 'process' | 'experience' | 'event';
  audience?: 'public' | 'partner' | 'internal';
  format?: 'openapi' | 'asyncapi';
  owner?: string;
  productOwner?: string;
}

/** The files a scaffold writes: a new folder (created whole) or teams.yaml (replaced). */
export type ScaffoldPlan = { folder: string; files: Record<string, string> } | { teamsFile: string; text: string };

/** The folder kinds each kind may be created in; '' is the catalogue root. */
const allowedParents: Record<Exclude<ScaffoldKind, 'team'>, readonly string[]> = {
  api: ['domain', 'service'],
  service: ['domain'],
  domain: ['root', 'domain'],
};

/** Why an id cannot be used, or undefined when it can. */
export function idProblem(id: string): string | undefined {
  const result = IdSchema.safeParse(id);
  return result.success ? undefined : `"${id}" is not a valid id: it ${result.error.issues[0]?.message ?? 'is invalid'}`;
}

/** The owner a new folder inherits from the service or domains it is placed in. */
export function inheritedOwner(view: CatalogView, folder: string): string | undefined {
  for (let dir = folder; dir !== '' && dir !== '.'; dir = path.posix.dirname(dir)) {
    const owner = view.owners.get(dir);
    if (owner) return owner;
  }
  return undefined;
}

/** Checks the input against the catalogue; every refusal is a diagnostic, and nothing is planned when there is one. */
export function refusals(view: CatalogView, input: ScaffoldInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const teamsFile = 'teams.yaml';
  const invalid = idProblem(input.id);
  if (invalid) problems.push(diagnose('catalog/invalid-id', input.in || '.', fileStart, invalid));
  if (input.kind === 'team') {
    if (view.teamIds.includes(input.id))
      problems.push(
        diagnose('catalog/duplicate-id', teamsFile, fileStart, `the team "${input.id}" already exists in teams.yaml`, { hint: 'Choose another team id.' }),
      );
    return problems;
  }
  const parent = view.nodes.find((n) => n.dir === input.in);
  const parentKind = input.in === '' ? 'root' : parent?.kind;
  if (!parentKind || !allowedParents[input.kind].includes(parentKind)) {
    const what =
      parentKind === undefined
        ? 'is not a domain or service folder of the catalogue'
        : parentKind === 'root'
          ? 'is the catalogue root'
          : `is ${parentKind === 'api' ? 'an API' : `a ${parentKind}`} folder`;
    const where = allowedParents[input.kind].map((k) => (k === 'root' ? 'the catalogue root' : `a ${k} folder`)).join(' or ');
    problems.push(
      diagnose('scaffold/bad-location', input.in || '.', fileStart, `--in "${input.in || '.'}" ${what}; a ${input.kind} goes in ${where}`, {
        hint: `Pass --in with the catalogue-relative path of ${where}.`,
      }),
    );
  }
  const same = input.kind === 'api' ? ['api'] : ['domain', 'service'];
  const taken = view.nodes.find((n) => n.id === input.id && same.includes(n.kind));
  if (taken)
    problems.push(
      diagnose('catalog/duplicate-id', taken.file, fileStart, `the id "${input.id}" is already used by the ${taken.kind} at ${taken.dir}`, {
        hint: `${input.kind === 'api' ? 'API' : 'Domain and service'} ids are unique across the catalogue; choose another id.`,
      }),
    );
  if (input.owner !== undefined && !view.teamIds.includes(input.owner)) {
    const guess = suggest(input.owner, view.teamIds);
    problems.push(
      diagnose(
        'catalog/unknown-owner',
        teamsFile,
        fileStart,
        `owner "${input.owner}" is not a team in teams.yaml${guess ? `; did you mean "${guess}"?` : ''}`,
        {
          hint:
            view.teamIds.length > 0
              ? `Teams declared: ${view.teamIds.join(', ')}. Add a team with \`portolan new team\`.`
              : 'Add a team with `portolan new team` first.',
        },
      ),
    );
  }
  if (input.kind !== 'domain' && input.owner === undefined && !inheritedOwner(view, input.in)) {
    problems.push(
      diagnose(
        'catalog/missing-owner',
        input.in || '.',
        fileStart,
        `the new ${input.kind} "${input.id}" would have no owner: neither --owner nor its service or domains name one`,
        { hint: 'Pass --owner with a team id of teams.yaml.' },
      ),
    );
  }
  return problems;
}

/** The files to write for a checked input. */
export function planScaffold(view: CatalogView, input: ScaffoldInput): ScaffoldPlan {
  if (input.kind === 'team') return { teamsFile: 'teams.yaml', text: withTeam(view, input) };
  const folder = input.in === '' ? input.id : `${input.in}/${input.id}`;
  const absolute = path.join(view.root, folder);
  const summary = input.summary ?? `${input.name}.`;
  // service.yaml requires an owner even where the domain names one, so a service writes the inherited one.
  const ownerId = input.owner ?? (input.kind === 'service' ? inheritedOwner(view, input.in) : undefined);
  const owner = ownerId ? { owner: ownerId } : {};
  if (input.kind !== 'api') {
    const metadata = { name: input.name, summary, ...owner };
    return { folder, files: { [`${input.kind}.yaml`]: schemaLine(input.kind, absolute) + stringify(metadata) } };
  }
  const format = input.format ?? 'openapi';
  const contract = `${format}.yaml`;
  const api = {
    name: input.name,
    summary,
    type: input.type ?? (format === 'asyncapi' ? 'event' : 'data'),
    lifecycle: 'design',
    audience: input.audience ?? 'internal',
    ...owner,
    contract,
    business: { purpose: `${summary} Say here what it does for the business, who uses it and why.` },
  };
  const starter = { id: input.id, name: input.name, summary };
  return {
    folder,
    files: {
      'api.yaml': schemaLine('api', absolute) + stringify(api),
      [contract]: format === 'openapi' ? openApiStarter(starter) : asyncApiStarter(starter),
      ...starterExamples(format, input.id),
      'docs/overview.md': `# ${input.name}\n\n${summary}\n\nWrite here what a consumer needs to know before calling it: access, typical use, business rules.\n`,
    },
  };
}

/** teams.yaml with the team added at the end, its comments and layout kept. */
function withTeam({ root, teamsText }: CatalogView, input: ScaffoldInput): string {
  const team = { name: input.name, ...(input.productOwner ? { productOwner: input.productOwner } : {}) };
  if (teamsText === undefined) {
    const doc = new Document({ [input.id]: team });
    return schemaLine('teams', root) + doc.toString();
  }
  const doc = parseDocument(teamsText);
  doc.set(input.id, doc.createNode(team));
  return doc.toString();
}
