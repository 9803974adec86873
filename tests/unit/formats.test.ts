import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/catalog/diagnostics.ts';
import { formatGithub } from '../../src/catalog/format/github.ts';
import { formatJson } from '../../src/catalog/format/json.ts';
import { formatText } from '../../src/catalog/format/text.ts';

const diagnostics = [
  diagnose(
    'catalog/unknown-owner',
    'party/customer-api/api.yaml',
    { line: 6, column: 8 },
    'owner "partyteam" is not a team in teams.yaml; did you mean "party-team"?',
  ),
  diagnose('docs/not-markdown', 'party/events/asyncapi.yaml', { line: 2, column: 1 }, 'a 100% warning, with: commas', { severity: 'warning' }),
];

describe('diagnostic formats', () => {
  it('json prints one object with the diagnostics and the counts', () => {
    const parsed = JSON.parse(formatJson(diagnostics));
    expect(parsed.errors).toBe(1);
    expect(parsed.warnings).toBe(1);
    expect(parsed.diagnostics[0]).toEqual({
      code: 'catalog/unknown-owner',
      severity: 'error',
      file: 'party/customer-api/api.yaml',
      line: 6,
      column: 8,
      message: expect.any(String),
      hint: expect.any(String),
    });
  });

  it('github prints escaped workflow commands with repository paths', () => {
    const lines = formatGithub(diagnostics, (f) => `catalog/${f}`).split('\n');
    expect(lines[0]).toMatch(/^::error file=catalog\/party\/customer-api\/api\.yaml,line=6,col=8,title=catalog\/unknown-owner::owner "partyteam"/);
    expect(lines[1]).toContain('::warning file=catalog/party/events/asyncapi.yaml,line=2,col=1');
    expect(lines[1]).toContain('a 100%25 warning, with: commas');
  });

  it('text shows the source line with a caret under the offending column, and a summary', () => {
    const text = formatText(diagnostics.slice(0, 1), { displayPath: (f) => `catalog/${f}`, sourceLine: () => 'owner: partyteam', colour: false });
    expect(text).toBe(
      [
        'catalog/party/customer-api/api.yaml:6:8 error owner "partyteam" is not a team in teams.yaml; did you mean "party-team"? [catalog/unknown-owner]',
        '  6 | owner: partyteam',
        '    |        ^',
        '  hint: Use a team id declared in teams.yaml, or add the team there.',
        '',
        '1 error, 0 warnings in 1 file',
      ].join('\n'),
    );
  });
});
