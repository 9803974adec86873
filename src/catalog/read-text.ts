import path from 'node:path';
import { readLogged, type ReadLog } from './cache/read-log.ts';
import { diagnose, fileStart, type StageResult } from './diagnostics.ts';

/** Reads a catalogue file as UTF-8 (recorded in `log` when given); a file that cannot be read becomes a diagnostic, not a crash. */
export async function readText(root: string, file: string, log?: ReadLog): Promise<StageResult<string | undefined>> {
  try {
    return { value: await readLogged(root, path.join(root, file), log), diagnostics: [] };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { value: undefined, diagnostics: [diagnose('file/unreadable', file, fileStart, `"${file}" cannot be read (${reason})`)] };
  }
}
