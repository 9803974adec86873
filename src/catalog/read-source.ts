import { CORE_SCHEMA, load } from 'js-yaml';
import { readPositioned, readYaml, tooDeep, type PathSegment, type SourceDocument } from './read-yaml.ts';
import { tooDeepPath } from './nesting-limit.ts';
import { diagnose, type Diagnostic, type StageResult } from './diagnostics.ts';
import { sha256 } from './cache/read-log.ts';
import type { PositionCache } from './cache/position-cache.ts';

/** YAML anchors make aliases possible; such files take the guarded parser, which limits them. */
const anchor = /(^|[\s[{,:-])&[^\s,[\]{}]/m;

/**
 * Parses a JSON or YAML contract. Contracts reach 20 MB, so the common case takes a fast
 * parser without positions (JSON.parse, or js-yaml for YAML without anchors), and the
 * positioned parser runs only when a diagnostic needs a line, or to report a syntax error.
 * With `positions`, the lines a diagnostic needed in an earlier run are taken from there.
 */
export function readSource(file: string, text: string, positions?: PositionCache): StageResult<SourceDocument | undefined> {
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { value: undefined, diagnostics: [jsonSyntaxError(file, text, error as SyntaxError)] };
    }
  } else {
    if (text.includes('&') && anchor.test(text)) return readYaml(file, text);
    try {
      value = load(text, { schema: CORE_SCHEMA, filename: file });
    } catch {
      return readYaml(file, text);
    }
  }
  const document = lazilyLocated(file, text, value, positions);
  const deepPath = tooDeepPath(value);
  if (deepPath) return { value: undefined, diagnostics: [tooDeep(file, document.locate(deepPath))] };
  return { value: document, diagnostics: [] };
}

function lazilyLocated(file: string, text: string, value: unknown, positions: PositionCache | undefined): SourceDocument {
  let positioned: SourceDocument | undefined;
  let textHash: string | undefined;
  const parsed = (path: readonly PathSegment[], target?: 'key' | 'value') => {
    positioned ??= readPositioned(file, text).value;
    return positioned ? positioned.locate(path, target) : { line: 1, column: 1 };
  };
  return {
    file,
    text,
    value,
    locate(path, target) {
      if (!positions) return parsed(path, target);
      textHash ??= sha256(text);
      return positions.locate(textHash, path, target ?? 'value', () => parsed(path, target));
    },
  };
}

/** A JSON syntax error at the position the parser names. */
function jsonSyntaxError(file: string, text: string, error: SyntaxError): Diagnostic {
  const message = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(error.message);
  const position = /at position (\d+)/.exec(error.message);
  let at = { line: 1, column: 1 };
  if (lineColumn) at = { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    at = { line: before.split('\n').length, column: Number(position[1]) - before.lastIndexOf('\n') };
  }
  return diagnose('json/syntax', file, at, `the file is not valid JSON: ${message}`);
}
