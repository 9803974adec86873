import { readLogged, type ReadLog } from '../cache/read-log.ts';
import { diagnose, fileStart, type Diagnostic } from '../diagnostics.ts';
import { readSource } from '../read-source.ts';
import { relativeTo } from './paths.ts';
import { findForbiddenRefs, isConfined } from './ref-guard.ts';

/** A file resolver that reads only inside the catalogue, checks the refs of each file it reads and records it in `log`. */
export function confinedFileResolver(root: string, problems: Diagnostic[], log?: ReadLog) {
  return {
    order: 1,
    canRead: true,
    async read(file: { url: string }): Promise<string> {
      const absolute = decodeURIComponent(file.url.replace(/^file:\/\//, ''));
      const rel = relativeTo(root, absolute);
      if (!isConfined(absolute, root)) {
        problems.push(diagnose('ref/outside-catalogue', rel, fileStart, `a $ref reaches "${absolute}", outside the catalogue`));
        throw new Error('outside the catalogue');
      }
      const text = await readLogged(root, absolute, log);
      const parsed = readSource(rel, text);
      problems.push(...parsed.diagnostics);
      if (parsed.value) problems.push(...findForbiddenRefs(parsed.value, absolute, root));
      return text;
    },
  };
}
