import type { z } from 'astro/zod';
import path from 'node:path';
import { runCachedContracts } from './cache/cached-contracts.ts';
import type { CacheOptions, CacheStats } from './cache/contract-cache.ts';
import { warningOnce } from './cache/cache-folder.ts';
import { PositionCache } from './cache/position-cache.ts';
import { runContracts } from './contracts/run-contracts.ts';
import type { ContractJob, ContractOutcome } from './contracts/contract-job.ts';
import type { ContractShape } from './contracts/contract-shape.ts';
import { isConfined } from './contracts/ref-guard.ts';
import { diagnose, fileStart, hasErrors, sortDiagnostics, type Diagnostic, type StageResult } from './diagnostics.ts';
import { discoverCatalog, type FoundCatalog, type FoundNode } from './discover.ts';
import type { Catalog } from './model.ts';
import { normaliseCatalog } from './normalise.ts';
import type { SourceDocument } from './read-yaml.ts';
import { readSource } from './read-source.ts';
import { readText } from './read-text.ts';
import { checkedFiles, resolveReferences } from './resolve.ts';
import { applyBusinessRules } from './rules/index.ts';
import { readGlossary } from './glossary.ts';
import { readUsage } from '../usage/read-usage.ts';
import { findSecrets } from './secrets.ts';
import { fileSchemas, type FileKind } from './schema/index.ts';
import { PortalSchema } from './schema/portal.ts';
import { Stopwatch, type StageTiming } from './stopwatch.ts';
import { validateDocument } from './validate.ts';
import { validateFields } from './partial.ts';
import { isRecord } from './is-record.ts';
import { idPattern } from './schema/id-pattern.ts';
import { TeamSchema, type TeamInput } from './schema/team.ts';
import type { ValidatedApi, ValidatedCatalog } from './validated.ts';

/** Options of a catalogue load. */
export interface LoadOptions {
  /**
   * Load for a build: keep each contract as written in the model, and generate an OK example
   * where an operation has none. Check needs neither.
   */
  keepDocuments?: boolean;
  /** The time one contract may take to be read and checked; past it, it is an error. */
  contractTimeoutMs?: number;
  /** Called as stages start and progress. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Where contract outcomes are cached between runs; without it, every contract is read and checked. */
  cache?: CacheOptions;
  /**
   * Only the diagnostics are wanted (check): no model is made, so the contracts of cached
   * outcomes are not read back, which is most of the time of a warm check.
   */
  diagnosticsOnly?: boolean;
}

/** A loaded catalogue: the model when there is no error, every diagnostic, and stage timings. */
export interface LoadResult {
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  /** How many contracts came from the cache, when there is one. */
  cache?: CacheStats;
}

/** Runs the stages in order: discover, read, validate, contracts, resolve, normalise. */
export async function loadCatalog(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const watch = new Stopwatch(options.onProgress);
  const diagnostics: Diagnostic[] = [];
  const absoluteRoot = path.resolve(root);

  const found = await watch.run('discover', () => discoverCatalog(absoluteRoot), (f) => f.value.sizes.size);
  diagnostics.push(...found.diagnostics);
  // The contracts' and the positions' parts of one folder warn once between them.
  const shared = options.cache && warningOnce(options.cache);
  const positions = shared && new PositionCache(shared);
  const read = await watch.run('read', () => readFiles(found.value, positions), (r) => r.value.docs.size);
  diagnostics.push(...read.diagnostics);
  const validated = await watch.run('validate', async () => validateFiles(found.value, read.value), (v) => v.value.apis.length);
  diagnostics.push(...validated.diagnostics);
  const catalog = validated.value;
  const contracts = await watch.run('contracts', () => readContracts(found.value, catalog, shared ? { ...options, cache: shared } : options, watch), () => catalog.apis.length);
  diagnostics.push(...contracts.diagnostics);
  const cache = contracts.value ? { cache: contracts.value } : {};
  const checked = checkedFiles(catalog, found.value.nodes);
  const resolved = await watch.run('resolve', async () => resolveReferences(checked), () => catalog.apis.length);
  diagnostics.push(...resolved);
  const ruled = await watch.run('rules', async () => applyBusinessRules({ catalog: checked, docs: catalog.docs, shapes: shapesOf(catalog) }, diagnostics, catalog.portal.rules), () => catalog.apis.length);
  positions?.save();
  const usage = await watch.run('usage', () => readUsage(absoluteRoot, found.value.usage, new Set(checked.apiIds)), (u) => u.value.length);
  ruled.push(...usage.diagnostics);
  const sorted = sortDiagnostics(ruled);
  if (hasErrors(sorted) || options.diagnosticsOnly) return { diagnostics: sorted, timings: watch.timings, ...cache };
  const model = await watch.run('normalise', async () => normaliseCatalog(catalog), (c) => c.apis.length);
  if (usage.value.length > 0) model.usage = usage.value;
  return { catalog: model, diagnostics: sorted, timings: watch.timings, ...cache };
}

interface ReadFiles {
  docs: Map<string, SourceDocument>;
  docsText: Map<string, string>;
}

async function readFiles(found: FoundCatalog, positions: PositionCache | undefined): Promise<StageResult<ReadFiles>> {
  const diagnostics: Diagnostic[] = [];
  const docs = new Map<string, SourceDocument>();
  const parse = async (file: string, text: StageResult<string | undefined>) => {
    diagnostics.push(...text.diagnostics);
    if (text.value === undefined) return;
    const result = readSource(file, text.value, positions);
    diagnostics.push(...result.diagnostics, ...(await findSecrets(file, text.value)));
    if (result.value) docs.set(file, result.value);
  };
  const readOne = async (file: string) => parse(file, await readText(found.root, file));
  let maxFileMB = 25;
  if (found.portal) {
    await readOne(found.portal);
    const parsed = PortalSchema.safeParse(docs.get(found.portal)?.value ?? {});
    if (parsed.success) maxFileMB = parsed.data.limits.maxFileMB;
  }
  const maxBytes = maxFileMB * 1024 * 1024;
  const tooLarge = new Set<string>();
  for (const [file, size] of found.sizes) {
    if (size <= maxBytes) continue;
    tooLarge.add(file);
    diagnostics.push(diagnose('file/too-large', file, fileStart, `"${file}" is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit`));
  }
  const metadata = [found.teams, found.glossary, ...found.nodes.map((n) => n.file)].filter((f): f is string => f !== undefined && !tooLarge.has(f));
  await readInOrder(found.root, metadata, parse);
  const docsText = new Map<string, string>();
  const pages = [...found.apiFiles.values()].flatMap((files) => files.docs).filter((file) => !tooLarge.has(file));
  await readInOrder(
    found.root,
    pages.filter((file) => file.endsWith('.md')),
    async (file, text) => {
      diagnostics.push(...text.diagnostics);
      if (text.value === undefined) return;
      docsText.set(file, text.value);
      diagnostics.push(...(await findSecrets(file, text.value)));
    },
  );
  for (const file of pages.filter((f) => /\.(mdx|html?)$/i.test(f))) diagnostics.push(diagnose('docs/not-markdown', file, fileStart, `"${file}" is not a Markdown (.md) page`));
  return { value: { docs, docsText }, diagnostics };
}

/** Files read at once: the disk answers many reads together far sooner than one after the other. */
const readsAtOnce = 32;

/** Reads `files`, many at a time, and hands each text to `use` in the order of `files`, so what it builds does not depend on the disk's timing. */
async function readInOrder(root: string, files: readonly string[], use: (file: string, text: StageResult<string | undefined>) => Promise<void>): Promise<void> {
  for (let start = 0; start < files.length; start += readsAtOnce) {
    const batch = files.slice(start, start + readsAtOnce);
    const texts = await Promise.all(batch.map((file) => readText(root, file)));
    for (const [index, text] of texts.entries()) await use(batch[index]!, text);
  }
}

function validateFiles(found: FoundCatalog, read: ReadFiles): StageResult<ValidatedCatalog> {
  const diagnostics: Diagnostic[] = [];
  const check = <K extends FileKind>(kind: K, file: string | undefined): { doc: SourceDocument; config: z.output<(typeof fileSchemas)[K]> } | undefined => {
    const doc = file ? read.docs.get(file) : undefined;
    if (!doc) return undefined;
    const result = validateDocument(fileSchemas[kind], doc);
    diagnostics.push(...result.diagnostics);
    return result.value === undefined ? undefined : { doc, config: result.value as z.output<(typeof fileSchemas)[K]> };
  };
  const portal = check('portal', found.portal)?.config ?? PortalSchema.parse({});
  const teams = check('teams', found.teams) ?? partialTeams(found.teams ? read.docs.get(found.teams) : undefined);
  const glossary = check('glossary', found.glossary);
  const terms = glossary ? readGlossary(glossary.doc, glossary.config) : { value: [], diagnostics: [] };
  diagnostics.push(...terms.diagnostics);
  const partial: ValidatedCatalog['partial'] = { domains: [], services: [], apis: [] };
  const of = <K extends 'domain' | 'service' | 'api'>(kind: K) =>
    found.nodes.filter((n) => n.kind === kind).flatMap((node: FoundNode) => {
      const result = check(kind, node.file);
      if (result) return [{ node, ...result }];
      // Report everything in one run: the fields that passed still go through the cross-file rules.
      const doc = read.docs.get(node.file);
      if (doc) partial[`${kind}s`].push({ node, doc, ...validateFields(fileSchemas[kind], doc.value) });
      return [];
    });
  const docs = new Map<string, { file: string; text: string }[]>();
  for (const [file, text] of read.docsText) {
    const dir = file.slice(0, file.indexOf('/docs/'));
    docs.set(dir, [...(docs.get(dir) ?? []), { file, text }]);
  }
  return {
    value: { portal, ...(teams ? { teams } : {}), glossary: terms.value, domains: of('domain'), services: of('service'), apis: of('api') as ValidatedApi[], partial, docs },
    diagnostics,
  };
}

/** Of a teams.yaml that failed its schema, the entries that pass, and the other ids: they are still teams to the owner rule. */
function partialTeams(doc: SourceDocument | undefined): ValidatedCatalog['teams'] {
  if (!doc || !isRecord(doc.value)) return undefined;
  const config: Record<string, TeamInput> = {};
  const invalid = new Set<string>();
  for (const [id, entry] of Object.entries(doc.value)) {
    const result = TeamSchema.safeParse(entry);
    if (result.success && idPattern.test(id)) config[id] = result.data;
    else invalid.add(id);
  }
  return { doc, config, invalid };
}

async function readContracts(found: FoundCatalog, catalog: ValidatedCatalog, options: LoadOptions, watch: Stopwatch): Promise<StageResult<CacheStats | undefined>> {
  const diagnostics: Diagnostic[] = [];
  const jobs: { api?: ValidatedApi; job: ContractJob }[] = [];
  // An api.yaml with a schema error still names its contract: check that too, to report everything in one run.
  const unmodelled = catalog.partial.apis.flatMap(({ node, doc, config }) => (config.contract === undefined ? [] : [{ node, doc, contract: config.contract }]));
  const owners = [...catalog.apis.map((api) => ({ api, node: api.node, doc: api.doc, contract: api.config.contract })), ...unmodelled];
  for (const owner of owners) {
    const { node, doc, contract } = owner;
    const contractFile = path.posix.normalize(path.posix.join(node.dir, contract));
    if (!isConfined(path.join(found.root, contractFile), found.root) || contractFile.startsWith('..')) {
      diagnostics.push(diagnose('catalog/contract-outside', node.file, doc.locate(['contract']), `contract "${contract}" leaves the catalogue`));
    } else if (!found.sizes.has(contractFile)) {
      // Located only when reported: locating parses the file again with positions (0.9 s for 1,000 api.yaml).
      diagnostics.push(diagnose('catalog/missing-contract', node.file, doc.locate(['contract']), `contract "${contract}" does not exist in ${node.dir}/`));
    } else if (found.sizes.get(contractFile)! <= portalMaxBytes(catalog)) {
      const exampleFiles = (found.apiFiles.get(node.dir)?.examples ?? []).filter((f) => found.sizes.get(f)! <= portalMaxBytes(catalog));
      jobs.push({ api: 'api' in owner ? (owner.api as ValidatedApi) : undefined, job: { root: found.root, apiDir: node.dir, contractFile, exampleFiles, keepDocument: options.keepDocuments ?? false } });
    }
  }
  // AsyncAPI contracts cost several times more than OpenAPI ones of the same size.
  const weights = jobs.map(({ job }) => (found.sizes.get(job.contractFile) ?? 0) * (/asyncapi/i.test(job.contractFile) ? 4 : 1));
  const run = { onDone: (done: number) => watch.progress('contracts', done, jobs.length), weights, ...(options.contractTimeoutMs ? { timeoutMs: options.contractTimeoutMs } : {}) };
  let outcomes: ContractOutcome[];
  let stats: CacheStats | undefined;
  if (options.cache) ({ outcomes, stats } = await runCachedContracts(jobs.map((j) => j.job), options.cache, !options.diagnosticsOnly, run));
  else outcomes = await runContracts(jobs.map((j) => j.job), run);
  outcomes.forEach((outcome, index) => {
    diagnostics.push(...outcome.diagnostics);
    const api = jobs[index]!.api;
    if (outcome.contract && api) api.contract = outcome.contract;
    if (outcome.shape && api) api.shape = outcome.shape;
  });
  return { value: stats, diagnostics };
}

/** Each API's contract shape, by API folder. */
function shapesOf(catalog: ValidatedCatalog): Map<string, ContractShape> {
  return new Map(catalog.apis.flatMap((api) => (api.shape ? [[api.node.dir, api.shape] as const] : [])));
}

function portalMaxBytes(catalog: ValidatedCatalog): number {
  return catalog.portal.limits.maxFileMB * 1024 * 1024;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
