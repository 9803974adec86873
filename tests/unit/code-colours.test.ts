import { describe, expect, it } from 'vitest';
import { colourSpans } from '../../src/components/code/code-colours.ts';

const pieces = (text: string, language: string) => colourSpans(text, language).map(([name, start, end]) => [name, text.slice(start, end)]);

describe('code colours', () => {
  it('colours an HTTP message: its head as HTTP, its JSON body as JSON', () => {
    const text = 'HTTP 201\nLocation: /customers/CU-1\n\n{\n  "id": "CU-1",\n  "age": 42,\n  "active": true,\n  "note": null\n}';
    const got = pieces(text, 'http');
    expect(got).toContainEqual(['code-key', 'Location']);
    expect(got).toContainEqual(['code-string', '/customers/CU-1']);
    expect(got).toContainEqual(['code-key', '"id"']);
    expect(got).toContainEqual(['code-string', '"CU-1"']);
    expect(got).toContainEqual(['code-number', '42']);
    expect(got).toContainEqual(['code-number', 'true']);
    expect(got).toContainEqual(['code-number', 'null']);
  });

  it('leaves a body that is not JSON uncoloured, and never gives two colours to one character', () => {
    const text = 'POST /orders\nContent-Type: text/plain\n\n{ not json "x": 1';
    const spans = colourSpans(text, 'http');
    expect(spans.every(([, start]) => start < text.indexOf('\n\n'))).toBe(true);
    const json = '{"a":{"b":[1,"two",{"c":false}]}}';
    const sorted = colourSpans(json, 'json').sort((x, y) => x[1] - y[1]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![1]).toBeGreaterThanOrEqual(sorted[i - 1]![2]);
  });

  it('colours curl snippets as shell, and knows nothing of other languages', () => {
    expect(pieces("curl -X GET 'https://api.example/x'", 'bash')).toContainEqual(['code-string', "'https://api.example/x'"]);
    expect(colourSpans('whatever', 'cobol')).toEqual([]);
  });
});
