import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/catalog/diagnostics.ts';
import { formatGitlab } from '../../src/catalog/format/gitlab.ts';
import { formatSarif } from '../../src/catalog/format/sarif.ts';

const diagnostics = [
  diagnose(
    'catalog/unknown-owner',
    'party/customer-api/api.yaml',
    { line: 6, column: 8 },
    'owner "partyteam" is not a team in teams.yaml; did you mean "party-team"?',
  ),
  diagnose('docs/not-markdown', 'party/events/guide.mdx', { line: 1, column: 1 }, '"party/events/guide.mdx" is not a Markdown (.md) page', {
    severity: 'warning',
  }),
];
const fromRepository = (file: string) => `catalog/${file}`;

/** The official SARIF 2.1.0 schema (OASIS, sarif-2.1/schema/sarif-schema-2.1.0.json), a JSON Schema draft 4. */
const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
})();

describe('code scanning formats', () => {
  it('sarif is valid against the SARIF 2.1.0 schema, with a rule per code and repository paths', () => {
    const log = JSON.parse(formatSarif(diagnostics, fromRepository, { version: '1.2.3' }));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'Portolan', version: '1.2.3' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['catalog/unknown-owner', 'docs/not-markdown']);
    expect(run.results[0]).toMatchObject({
      ruleId: 'catalog/unknown-owner',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'catalog/party/customer-api/api.yaml', uriBaseId: 'SRCROOT' },
            region: { startLine: 6, startColumn: 8 },
          },
        },
      ],
    });
    expect(run.results[1].level).toBe('warning');
  });

  it('sarif with no diagnostics is still a valid log with no results', () => {
    const log = JSON.parse(formatSarif([], fromRepository, { version: '1.2.3' }));
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('a finding keeps its fingerprint when its line moves, and two findings differ', () => {
    const moved = diagnose('catalog/unknown-owner', 'party/customer-api/api.yaml', { line: 9, column: 8 }, diagnostics[0]!.message);
    const [a, b] = JSON.parse(formatSarif([diagnostics[0]!, moved], fromRepository, { version: '1' })).runs[0].results;
    expect(a.partialFingerprints).toEqual(b.partialFingerprints);
    const [first, second] = JSON.parse(formatGitlab(diagnostics, fromRepository));
    expect(first.fingerprint).not.toBe(second.fingerprint);
  });

  it('gitlab prints a Code Quality array with severities and repository paths', () => {
    const issues = JSON.parse(formatGitlab(diagnostics, fromRepository));
    expect(issues).toEqual([
      {
        description: expect.stringContaining('owner "partyteam" is not a team'),
        check_name: 'catalog/unknown-owner',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'critical',
        location: { path: 'catalog/party/customer-api/api.yaml', lines: { begin: 6 } },
      },
      expect.objectContaining({
        check_name: 'docs/not-markdown',
        severity: 'minor',
        location: { path: 'catalog/party/events/guide.mdx', lines: { begin: 1 } },
      }),
    ]);
  });
});
