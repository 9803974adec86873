import path from 'node:path';
import { diagnose, fileStart, type Diagnostic } from '../diagnostics.ts';
import type { Contract, Example } from '../model.ts';
import type { SourceDocument } from '../read-yaml.ts';
import { exampleOrigins } from '../examples/origins.ts';

/** An example file already read and parsed. */
export interface ExampleFile {
  file: string;
  doc: SourceDocument;
}

const openApiName = /^(\d{3}|[1-5]XX|default)(?:\.([A-Za-z0-9][A-Za-z0-9._-]*))?\.(json|ya?ml)$/;
const messageName = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.(json|ya?ml)$/;

/** The folder name (operationId or messageId) of an example file under `<api>/examples/`. */
export function exampleTarget(apiDir: string, file: string): string | undefined {
  const parts = file.slice(apiDir.length + 1).split('/');
  return parts.length === 3 && parts[0] === 'examples' ? parts[1] : undefined;
}

/** Attaches example files to the operations (OpenAPI) or messages (AsyncAPI) they name. */
export function attachExamples(contract: Omit<Contract, 'file'>, apiDir: string, files: readonly ExampleFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { file, doc } of files) {
    const target = exampleTarget(apiDir, file);
    const name = path.posix.basename(file);
    if (!target) {
      diagnostics.push(diagnose('example/file-name', file, fileStart, `"${file}" is not at examples/<${contract.format === 'openapi' ? 'operationId' : 'messageId'}>/<file>`));
      continue;
    }
    const problem = contract.format === 'openapi' ? attachToOperation(contract, target, name, file, doc) : attachToMessage(contract, target, name, file, doc);
    if (problem) diagnostics.push(problem);
  }
  return diagnostics;
}

function attachToOperation(contract: Omit<Contract, 'file'>, target: string, name: string, file: string, doc: SourceDocument): Diagnostic | undefined {
  const operation = contract.operations.find((op) => op.operationId === target);
  if (!operation) return unknownTarget(contract, 'operation', target, file);
  const match = openApiName.exec(name);
  if (!match) return diagnose('example/file-name', file, fileStart, `"${name}" is not named <status>[.<label>].json|yaml`, { hint: 'For example 200.json, 404.unknown-customer.json or 422.invalid-email.yaml.' });
  const status = match[1]!;
  const declared = operation.responses.map((r) => r.status);
  const matches = declared.some((d) => d === status || (/^[1-5]XX$/i.test(d) && d[0] === status[0]) || d === 'default');
  if (!matches) {
    return diagnose('example/unknown-status', file, fileStart, `${operation.operationId} declares no ${status} response (it declares ${declared.join(', ')})`, { hint: `Declare a ${status} response for ${operation.method} ${operation.path} in the contract, or rename the file after a declared status.` });
  }
  const { wrapped, ...body } = splitExample(doc.value, ['request', 'response']);
  const example: Example = { status, label: match[2] ?? status, ok: /^[23]/.test(status), ...body, source: { file, line: 1 } };
  exampleOrigins.set(example, {
    doc,
    ...(wrapped ? { response: ['response', 'body'], request: ['request', 'body'] } : { response: [] }),
  });
  operation.examples.push(example);
  return undefined;
}

function attachToMessage(contract: Omit<Contract, 'file'>, target: string, name: string, file: string, doc: SourceDocument): Diagnostic | undefined {
  const messages = contract.operations.flatMap((op) => op.messages).filter((m) => m.id === target);
  if (messages.length === 0) return unknownTarget(contract, 'message', target, file);
  const match = messageName.exec(name);
  if (!match) return diagnose('example/file-name', file, fileStart, `"${name}" is not named <label>.json|yaml`);
  const { wrapped, ...parts } = splitExample(doc.value, ['payload', 'headers']);
  const example: Example = { label: match[1]!, ok: true, ...parts, source: { file, line: 1 } };
  exampleOrigins.set(example, wrapped ? { doc, payload: ['payload'], headers: ['headers'] } : { doc, payload: [] });
  for (const message of messages) message.examples.push(example);
  return undefined;
}

function unknownTarget(contract: Omit<Contract, 'file'>, what: 'operation' | 'message', target: string, file: string): Diagnostic {
  const known = what === 'operation'
    ? contract.operations.flatMap((op) => (op.operationId ? [op.operationId] : []))
    : [...new Set(contract.operations.flatMap((op) => op.messages.map((m) => m.id)))];
  return diagnose('example/unknown-operation', file, fileStart, `the contract declares no ${what} "${target}"`, {
    hint: known.length > 0 ? `Name the folder after one of: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.` : undefined,
  });
}

/**
 * An example file either wraps its parts ({ summary, request, response } or
 * { summary, headers, payload }) or is the response body / payload itself.
 */
function splitExample(value: unknown, parts: readonly ['request', 'response'] | readonly ['payload', 'headers']): Partial<Example> & { wrapped?: boolean } {
  const allowed = new Set<string>(['summary', 'description', ...parts]);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.some((k) => (parts as readonly string[]).includes(k)) && keys.every((k) => allowed.has(k))) {
      const record = value as Record<string, unknown>;
      return {
        wrapped: true,
        ...(typeof record['summary'] === 'string' ? { summary: record['summary'] } : {}),
        ...Object.fromEntries(parts.filter((p) => p in record).map((p) => [p, record[p]])),
      };
    }
  }
  return parts[0] === 'request' ? { response: { body: value } } : { payload: value };
}
