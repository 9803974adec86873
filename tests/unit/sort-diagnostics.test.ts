import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/catalog/diagnostics.ts';

const at = (file: string, line: number, code: string, message: string): Diagnostic => ({
  code: code as Diagnostic['code'],
  severity: 'warning',
  file,
  line,
  column: 1,
  message,
});
const shown = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);

describe('sortDiagnostics', () => {
  it('orders by file, line, column and code, keeps the order of ties, and drops exact repeats wherever they were', () => {
    const input = [
      at('b.yaml', 2, 'lint/x', 'one'),
      at('a.yaml', 9, 'lint/y', 'first'),
      at('a.yaml', 9, 'lint/y', 'second'),
      at('b.yaml', 1, 'lint/x', 'one'),
      at('a.yaml', 9, 'lint/y', 'first'),
      at('a.yaml', 9, 'lint/b', 'other code'),
      at('b.yaml', 2, 'lint/x', 'one'),
    ];
    expect(shown(sortDiagnostics(input))).toEqual([
      'a.yaml:9 lint/b other code',
      'a.yaml:9 lint/y first',
      'a.yaml:9 lint/y second',
      'b.yaml:1 lint/x one',
      'b.yaml:2 lint/x one',
    ]);
  });
});
