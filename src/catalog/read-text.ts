import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnose, fileStart, type StageResult } from './diagnostics.ts';

/** Reads a catalogue file as UTF-8; a file that cannot be read becomes a diagnostic, not a crash. */
export async function readText(root: string, file: string): Promise<StageResult<string | undefined>> {
  try {
    return { value: await readFile(path.join(root, file), 'utf8'), diagnostics: [] };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { value: undefined, diagnostics: [diagnose('file/unreadable', file, fileStart, `"${file}" cannot be read (${reason})`)] };
  }
}
