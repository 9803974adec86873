import path from 'node:path';
import { ReadLog } from '../cache/read-log.ts';
import { diagnose, fileStart, type Diagnostic, type StageResult } from '../diagnostics.ts';
import type { Contract } from '../model.ts';
import { shapeOf, type ContractShape } from './contract-shape.ts';
import { readSource } from '../read-source.ts';
import { readText } from '../read-text.ts';
import { findSecrets } from '../secrets.ts';
import { findRefusedServers, whyRefused } from '../server-urls.ts';
import type { AsyncApiLoader } from './asyncapi.ts';
import { normaliseAsyncApi } from './asyncapi-normalise.ts';
import { attachExamples, type ExampleFile } from './examples.ts';
import { bundleContract } from './bundle.ts';
import { hasExternalRefs } from './external-refs.ts';
import { checkOpenApiExamples } from '../examples/openapi-examples.ts';
import { checkAsyncApiExamples } from '../examples/asyncapi-examples.ts';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { loadOpenApi, openApiVersionOf } from './openapi.ts';
import { normaliseOpenApi } from './openapi-normalise.ts';

/** One API's contract and example files to read, validate and normalise. */
export interface ContractJob {
  root: string;
  apiDir: string;
  contractFile: string;
  exampleFiles: string[];
  keepDocument: boolean;
}

/** What a contract job found. */
export interface ContractOutcome {
  contract?: Contract;
  /** What the duplicate-API rule compares, kept when the contract itself is not. */
  shape?: ContractShape;
  diagnostics: Diagnostic[];
  /**
   * Every file the job read (catalogue-relative) with the sha256 of its bytes, null for one it
   * could not read; absent when the job did not finish, so the outcome must not be cached.
   */
  reads?: [file: string, sha256: string | null][];
}

/** Reads, validates and normalises one contract with its examples; never throws for content. */
export async function runContractJob(job: ContractJob, asyncApi: AsyncApiLoader): Promise<ContractOutcome> {
  try {
    return await run(job, asyncApi);
  } catch (error) {
    return { diagnostics: [diagnose('internal/error', job.contractFile, fileStart, `Portolan failed while reading this contract: ${(error as Error).message}`)] };
  }
}

async function run(job: ContractJob, asyncApi: AsyncApiLoader): Promise<ContractOutcome> {
  const log = new ReadLog();
  const outcome = await runLogged(job, asyncApi, log);
  return log.unstable ? outcome : { ...outcome, reads: [...log.files] };
}

async function runLogged(job: ContractJob, asyncApi: AsyncApiLoader, log: ReadLog): Promise<ContractOutcome> {
  const absolute = path.join(job.root, job.contractFile);
  // Read while the contract is parsed: one file after the other, a worker waited on the disk ~10 % of its time.
  const exampleTexts = readAll(job.root, job.exampleFiles, log);
  const text = await readText(job.root, job.contractFile, log);
  if (text.value === undefined) return { diagnostics: text.diagnostics };
  const parsed = readSource(job.contractFile, text.value);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const value = doc.value as Record<string, unknown> | null;

  let normalised: Omit<Contract, 'file'>;
  let asyncApiDocument: AsyncAPIDocumentInterface | undefined;
  const openApi = openApiVersionOf(value) !== undefined;
  if (openApi) {
    const loaded = await loadOpenApi(doc, absolute, job.root, log);
    if (!loaded.value) return { diagnostics: loaded.diagnostics };
    normalised = normaliseOpenApi(loaded.value, doc);
  } else if (value && typeof value === 'object' && 'asyncapi' in value) {
    const loaded = await asyncApi.load(doc, absolute, job.root, log);
    if (!loaded.value) return { diagnostics: loaded.diagnostics };
    normalised = normaliseAsyncApi(loaded.value, doc);
    asyncApiDocument = loaded.value;
  } else {
    return { diagnostics: [diagnose('contract/unknown-format', job.contractFile, fileStart, `"${job.contractFile}" is neither an OpenAPI nor an AsyncAPI contract`)] };
  }

  // In a contract, a warning: published contracts (GitHub's) carry sample tokens in their documentation.
  const diagnostics: Diagnostic[] = await findSecrets(job.contractFile, text.value, 'warning');
  for (const { path: at, url } of findRefusedServers(value)) {
    const message = `the server URL ${JSON.stringify(url)} is left out of the portal: ${whyRefused(url)}`;
    diagnostics.push(diagnose('contract/unsafe-server-url', job.contractFile, doc.locate(at), message, { severity: 'warning' }));
  }
  const examples: ExampleFile[] = [];
  for (const [index, exampleText] of (await exampleTexts).entries()) {
    const file = job.exampleFiles[index]!;
    diagnostics.push(...exampleText.diagnostics);
    if (exampleText.value === undefined) continue;
    diagnostics.push(...(await findSecrets(file, exampleText.value)));
    const example = readSource(file, exampleText.value);
    diagnostics.push(...example.diagnostics);
    if (example.value) examples.push({ file, doc: example.value });
  }
  diagnostics.push(...attachExamples(normalised, job.apiDir, examples));
  // Examples are checked against one self-contained document: the contract as read, or bundled when it refers to other files.
  const bundled = job.keepDocument || (openApi && hasExternalRefs(value)) ? ((await bundleContract(absolute, value, job.root, log)) as object) : undefined;
  if (openApi) diagnostics.push(...checkOpenApiExamples(normalised, bundled ?? (value as object), doc, { generate: job.keepDocument }));
  if (asyncApiDocument) diagnostics.push(...checkAsyncApiExamples(normalised, asyncApiDocument, doc));
  const document = job.keepDocument ? bundled : undefined;
  const contract: Contract = { ...normalised, file: job.contractFile, ...(document ? { document } : {}) };
  return { contract, shape: shapeOf(contract), diagnostics };
}

/** Reads files a few at a time (an API may hold thousands of examples), results in file order. */
async function readAll(root: string, files: readonly string[], log: ReadLog, width = 16): Promise<StageResult<string | undefined>[]> {
  const texts = new Array<StageResult<string | undefined>>(files.length);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const index = next++;
      texts[index] = await readText(root, files[index]!, log);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, files.length) }, reader));
  return texts;
}
