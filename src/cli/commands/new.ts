import path from 'node:path';
import type { input, select as selectPrompt } from '@inquirer/prompts';
import type { CatalogView } from '../../scaffold/catalog-view.ts';
import { scaffoldKinds, type ScaffoldKind } from '../../scaffold/kinds.ts';
import type { ScaffoldInput } from '../../scaffold/plan.ts';
import { oneOf, parseCommand, UsageError, type CommandSpec } from '../args.ts';
import { printDiagnostics } from '../report.ts';
import { assertCatalogFolder } from '../shared.ts';

const options = {
  id: { type: 'string', placeholder: 'ID', description: 'the folder name (or team key): lower-case letters, digits and hyphens' },
  in: { type: 'string', placeholder: 'PATH', description: 'the domain or service folder it goes in, relative to the catalogue (domains: the root by default)' },
  name: { type: 'string', placeholder: 'TEXT', description: 'the display name (default: from the id)' },
  summary: { type: 'string', placeholder: 'TEXT', description: 'one line saying what it does (default: the name)' },
  type: { type: 'string', values: ['data', 'process', 'experience', 'event'], description: 'the API type (default: event for AsyncAPI, else data)' },
  audience: { type: 'string', values: ['public', 'partner', 'internal'], default: 'internal', description: 'who may see the API' },
  format: {
    type: 'string',
    values: ['openapi', 'asyncapi'],
    description: 'the starter contract: OpenAPI 3.1 or AsyncAPI 3.0 (default: asyncapi for an event API)',
  },
  owner: { type: 'string', placeholder: 'TEAM', description: 'the owning team, a key of teams.yaml (default: inherited)' },
  'product-owner': { type: 'string', placeholder: 'TEXT', description: 'a new team’s product owner' },
  catalog: { type: 'string', placeholder: 'DIR', default: './catalog', description: 'the catalogue folder' },
  yes: { type: 'boolean', default: false, description: 'take the defaults, never prompt' },
} as const satisfies CommandSpec['options'];

/** `portolan new api|service|domain|team`: scaffolds valid files. */
export const newCommand: CommandSpec = {
  name: 'new',
  positionals: scaffoldKinds.join('|'),
  summary: 'scaffold an API, service, domain or team that passes check (prompts on a terminal for what is missing)',
  options,
  run: runNew,
};

async function runNew(args: string[]): Promise<number> {
  const [kindArg, ...rest] = args;
  const kind = oneOf('kind', kindArg, scaffoldKinds);
  if (!kind) throw new UsageError(`portolan new needs what to scaffold: ${scaffoldKinds.join(', ')}`);
  const values = parseCommand(options, rest);
  const root = path.resolve(values.catalog);
  await assertCatalogFolder(root);
  // Loaded here, not with the CLI: the scaffold's schemas are not needed by the other commands.
  const [{ readCatalogView }, plan, { writePlan }] = await Promise.all([
    import('../../scaffold/catalog-view.ts'),
    import('../../scaffold/plan.ts'),
    import('../../scaffold/write-plan.ts'),
  ]);
  const { planScaffold, refusals } = plan;
  const view = await readCatalogView(root);
  const interactive = process.stdin.isTTY === true && !values.yes;
  const input = await completeInput(kind, values, view, interactive, plan);
  const problems = refusals(view, input);
  if (problems.length > 0) {
    printDiagnostics(problems, 'text', root);
    return 1;
  }
  const written = await writePlan(view.root, planScaffold(view, input));
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), path.join(root, file)) || file}`);
  return 0;
}

/** The prompts, loaded on the first question: runs with flags, and the other commands, never load them. */
async function ask(config: Parameters<typeof input>[0]): Promise<string> {
  return (await import('@inquirer/prompts')).input(config);
}

async function select<Value>(config: Parameters<typeof selectPrompt<Value>>[0]): Promise<Value> {
  return (await import('@inquirer/prompts')).select(config);
}

type Values = { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };

/** Fills what the flags leave out: by prompting on a terminal, else by defaults; a missing required value is a usage error. */
async function completeInput(
  kind: ScaffoldKind,
  values: Values,
  view: CatalogView,
  interactive: boolean,
  { idProblem, inheritedOwner }: typeof import('../../scaffold/plan.ts'),
): Promise<ScaffoldInput> {
  const missing: string[] = [];
  const id = values.id ?? (interactive ? await ask({ message: `${kind} id`, validate: (v) => idProblem(v) ?? true }) : undefined);
  if (!id) missing.push('--id');
  let where = values.in ?? '';
  if (kind === 'api' || kind === 'service') {
    const parents = view.nodes.filter((n) => (kind === 'api' ? n.kind !== 'api' : n.kind === 'domain'));
    if (values.in === undefined && interactive && parents.length > 0)
      where = await select({ message: `the folder it goes in`, choices: parents.map((n) => ({ name: `${n.dir} (${n.kind})`, value: n.dir })) });
    else if (values.in === undefined) missing.push('--in');
  }
  if (missing.length > 0) throw new UsageError(`portolan new ${kind} needs ${missing.join(' and ')} (no terminal to ask on; pass them as flags)`);
  const fallback = nameFromId(id!);
  const name = values.name ?? (interactive ? await ask({ message: 'name', default: fallback }) : fallback);
  const input: ScaffoldInput = { kind, id: id!, name, in: path.posix.normalize(where.replace(/\\/g, '/')).replace(/^\.\/?$|\/$/g, '') };
  if (kind === 'team') {
    const productOwner = values['product-owner'] ?? (interactive ? await ask({ message: 'product owner (optional)' }) : '');
    return productOwner ? { ...input, productOwner } : input;
  }
  input.summary = values.summary ?? (interactive ? await ask({ message: 'summary (one line)', default: `${name}.` }) : `${name}.`);
  const inherited = inheritedOwner(view, input.in);
  const owner =
    values.owner ?? (interactive && (kind !== 'domain' || view.teamIds.length > 0) ? await askOwner(view, inherited, kind === 'domain') : undefined);
  if (owner) input.owner = owner;
  if (kind === 'api') {
    input.format =
      oneOf('format', values.format, ['openapi', 'asyncapi']) ??
      (interactive
        ? await select({
            message: 'contract',
            choices: [
              { name: 'OpenAPI 3.1', value: 'openapi' as const },
              { name: 'AsyncAPI 3.0', value: 'asyncapi' as const },
            ],
            default: values.type === 'event' ? 'asyncapi' : 'openapi',
          })
        : values.type === 'event'
          ? 'asyncapi'
          : 'openapi');
    const types = ['data', 'process', 'experience', 'event'] as const;
    input.type =
      oneOf('type', values.type, types) ??
      (interactive
        ? await select({ message: 'type', choices: types.map((t) => ({ value: t })), default: input.format === 'asyncapi' ? 'event' : 'data' })
        : input.format === 'asyncapi'
          ? 'event'
          : 'data');
    const audiences = ['internal', 'partner', 'public'] as const;
    input.audience =
      values.audience !== 'internal' || !interactive
        ? oneOf('audience', values.audience, audiences)
        : await select({ message: 'audience', choices: audiences.map((a) => ({ value: a })) });
  }
  return input;
}

async function askOwner(view: CatalogView, inherited: string | undefined, optional: boolean): Promise<string | undefined> {
  const none = inherited ? `inherit ${inherited}` : optional ? 'none' : undefined;
  const choices = [...(none ? [{ name: none, value: '' }] : []), ...view.teamIds.map((t) => ({ value: t }))];
  if (choices.length === 0) return undefined;
  return (await select({ message: 'owner (a team of teams.yaml)', choices })) || undefined;
}

/** "billing-api" → "Billing API". */
function nameFromId(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => (['api', 'apis'].includes(w) ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}
