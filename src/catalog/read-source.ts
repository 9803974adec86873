import { readYaml, type SourceDocument } from './read-yaml.ts';
import type { StageResult } from './diagnostics.ts';

/**
 * Parses a JSON or YAML file. JSON takes the fast path (JSON.parse) and builds
 * source positions only when a diagnostic needs one, since contracts reach 20 MB.
 */
export function readSource(file: string, text: string): StageResult<SourceDocument | undefined> {
  if (!file.endsWith('.json')) return readYaml(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return readYaml(file, text);
  }
  let positioned: SourceDocument | undefined;
  return {
    value: {
      file,
      text,
      value,
      locate(path, target) {
        positioned ??= readYaml(file, text).value;
        return positioned ? positioned.locate(path, target) : { line: 1, column: 1 };
      },
    },
    diagnostics: [],
  };
}
