import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/catalog/read-yaml.ts';
import { readSource } from '../../src/catalog/read-source.ts';

describe('reading YAML with positions', () => {
  const text = 'name: Customer API\nbusiness:\n  purpose: Serve customers\ntags:\n  - a\n  - b\n';

  it('points a value, a key and a list item back to its line and column', () => {
    const doc = readYaml('api.yaml', text).value!;
    expect(doc.locate(['business', 'purpose'])).toEqual({ line: 3, column: 12 });
    expect(doc.locate(['business', 'purpose'], 'key')).toEqual({ line: 3, column: 3 });
    expect(doc.locate(['tags', 1])).toEqual({ line: 6, column: 5 });
  });

  it('falls back to the nearest parent for a missing value', () => {
    const doc = readYaml('api.yaml', text).value!;
    expect(doc.locate(['business', 'rules'])).toEqual({ line: 3, column: 3 });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const result = readYaml('bomb.yaml', bomb);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'yaml/alias-limit', line: 2, column: 8 });
  });
});

describe('hostile YAML', () => {
  it('reports values nested deeper than the parser can follow as one error, instead of crashing', () => {
    const result = readYaml('api.yaml', `x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'yaml/too-deep', message: 'values nest more than 256 levels deep here', line: 1 });
  });

  it('refuses values nested past the limit on every path, and points at the first one too deep', () => {
    const nested = (levels: number) => `${'{"a": ['.repeat(levels)}1${']}'.repeat(levels)}`;
    // 128 objects and 128 arrays: exactly the limit, read.
    expect(readSource('ok.json', nested(128)).diagnostics).toEqual([]);
    for (const file of ['deep.json', 'deep.yaml']) {
      const result = readSource(file, `{"info": ${nested(129)}}`);
      // The 256th level is the array of the 128th object after "info", which starts at column 10.
      expect(result.diagnostics, file).toEqual([expect.objectContaining({ code: 'yaml/too-deep', line: 1, column: 10 + 7 * 127 + 6 })]);
    }
    // A file with anchors takes the positioned parser: the limit holds there too.
    expect(readSource('anchored.yaml', `a: &x 1\nb: ${nested(200)}\n`).diagnostics[0]).toMatchObject({ code: 'yaml/too-deep', line: 2 });
  });
});

describe('reading contracts on the fast path', () => {
  it('parses JSON without positions and locates a value only when asked', () => {
    const doc = readSource('openapi.json', '{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "T"\n  }\n}\n').value!;
    expect(doc.value).toEqual({ openapi: '3.1.0', info: { title: 'T' } });
    expect(doc.locate(['info', 'title'])).toEqual({ line: 4, column: 14 });
  });

  it('reports invalid JSON at the parser position, even where YAML would accept it', () => {
    const result = readSource('example.json', '{"a": 1,}\n');
    expect(result.diagnostics[0]).toMatchObject({ code: 'json/syntax', line: 1, column: 9 });
  });

  it('keeps YAML 1.2 semantics: dates stay strings', () => {
    const doc = readSource('openapi.yaml', 'sunset: 2027-06-30\nyes: no\n').value!;
    expect(doc.value).toEqual({ sunset: '2027-06-30', yes: 'no' });
  });
});
