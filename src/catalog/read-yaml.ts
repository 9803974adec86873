import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnose, type Diagnostic, type Position, type StageResult } from './diagnostics.ts';
import { maxNesting, tooDeepPath } from './nesting-limit.ts';

/** A step into a parsed value: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A parsed YAML or JSON file that can point any value back to its source line and column. */
export interface SourceDocument {
  file: string;
  text: string;
  value: unknown;
  /** The position of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): Position;
}

/** Aliases allowed in one file before it is treated as an alias bomb. */
const maxAliasCount = 100;

/** Parses YAML (or JSON, which YAML 1.2 includes) keeping source positions; values nested too deep are an error. */
export function readYaml(file: string, text: string): StageResult<SourceDocument | undefined> {
  const result = readPositioned(file, text);
  const deepPath = result.value && tooDeepPath(result.value.value);
  if (deepPath) return { value: undefined, diagnostics: [tooDeep(file, result.value!.locate(deepPath))] };
  return result;
}

/** Parses keeping source positions, whatever the nesting (a file found too deep is located with it). */
export function readPositioned(file: string, text: string): StageResult<SourceDocument | undefined> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // The parser recurses: nesting deep enough overflows its stack, which it reports as errors.
  const overflow = doc.errors.find((error) => /call stack|stack overflow/i.test(error.message));
  if (overflow) return { value: undefined, diagnostics: [tooDeep(file, at(overflow.pos[0]))] };
  const diagnostics: Diagnostic[] = doc.errors.map((error) =>
    error.code === 'DUPLICATE_KEY'
      ? diagnose('yaml/duplicate-key', file, at(error.pos[0]), firstLine(error.message))
      : diagnose('yaml/syntax', file, at(error.pos[0]), firstLine(error.message)),
  );
  if (diagnostics.length > 0) return { value: undefined, diagnostics };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    const offset = firstAliasOffset(text);
    const message = `the file expands YAML aliases more than ${maxAliasCount} times (${(error as Error).message})`;
    return { value: undefined, diagnostics: [diagnose('yaml/alias-limit', file, at(offset), message)] };
  }
  const locate = (path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position =>
    at(offsetOf(doc, path, target));
  return { value: { file, text, value, locate }, diagnostics: [] };
}

/** The error for a file whose values nest deeper than parsers and validators can follow. */
export function tooDeep(file: string, at: Position): Diagnostic {
  return diagnose('yaml/too-deep', file, at, `values nest more than ${maxNesting} levels deep here`);
}

/** The first line of a parser message (the rest repeats the source). */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Where the first alias of a file stands, to point an alias-limit error at it. */
function firstAliasOffset(text: string): number {
  const match = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
  return match ? match.index + match[1]!.length : 0;
}

/** The source offset of the node at `path`, or of its nearest existing ancestor. */
function offsetOf(doc: Document, path: readonly PathSegment[], target: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      if (last && target === 'key') return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(item) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
