import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { codeEntry, type Code } from '../codes.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** What a SARIF log says about the tool that wrote it. */
export interface SarifTool {
  version: string;
}

/** The base the results' paths are relative to: the repository root, as code scanning expects. */
const baseId = 'SRCROOT';

/**
 * `--format sarif`: one SARIF 2.1.0 log for code scanning. Each code used is a rule with its
 * title and hint; paths are relative to the repository, and each result carries a fingerprint
 * that does not change when unrelated lines move.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string, tool: SarifTool): string {
  const used = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules: ReportingDescriptor[] = used.map((code) => ({
    id: code,
    name: code.replace(/[^a-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: codeEntry(code).title },
    help: { text: codeEntry(code).hint },
  }));
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: used.indexOf(d.code),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: displayPath(d.file), uriBaseId: baseId }, region: { startLine: d.line, startColumn: d.column } } }],
    partialFingerprints: { 'portolan/v1': fingerprint(d, displayPath) },
  }));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'Portolan', version: tool.version, rules } }, originalUriBaseIds: { [baseId]: { description: { text: 'The repository root' } } }, results }],
  };
  return JSON.stringify(log);
}

/** A hash of what a finding is, not where its line is: code, file and message. */
export function fingerprint(d: Diagnostic, displayPath: (file: string) => string): string {
  return createHash('sha256').update(`${d.code as Code}\0${displayPath(d.file)}\0${d.message}`).digest('hex').slice(0, 32);
}
