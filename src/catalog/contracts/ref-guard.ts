import { realpathSync } from 'node:fs';
import path from 'node:path';
import { diagnose, type Diagnostic } from '../diagnostics.ts';
import { isInside } from '../discover.ts';
import type { PathSegment, SourceDocument } from '../read-yaml.ts';

/** Where a `$ref` goes, once judged. */
export type RefVerdict = { ok: true; file?: string } | { ok: false; code: 'ref/remote' | 'ref/outside-catalogue'; reason: string };

/** Judges one `$ref` value written in `fromFile` (absolute); local refs (`#/…`) are always fine. */
export function judgeRef(ref: string, fromFile: string, root: string): RefVerdict {
  const target = ref.split('#')[0]!;
  if (target === '') return { ok: true };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    return /^file:/i.test(target)
      ? { ok: false, code: 'ref/outside-catalogue', reason: `"${ref}" is a file URL; only relative paths are allowed` }
      : { ok: false, code: 'ref/remote', reason: `"${ref}" points to a remote URL; it is never fetched` };
  }
  if (path.isAbsolute(target) || target.startsWith('\\')) {
    return { ok: false, code: 'ref/outside-catalogue', reason: `"${ref}" is an absolute path; only paths relative to the contract are allowed` };
  }
  const absolute = path.resolve(path.dirname(fromFile), decodeURIComponent(target));
  if (!isInside(root, absolute)) return { ok: false, code: 'ref/outside-catalogue', reason: `"${ref}" leaves the catalogue folder` };
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { ok: true, file: absolute };
  }
  if (!isInside(root, real)) return { ok: false, code: 'ref/outside-catalogue', reason: `"${ref}" reaches a symbolic link that leaves the catalogue folder` };
  return { ok: true, file: real };
}

/** True when an absolute path, links followed, stays inside the catalogue. */
export function isConfined(absolute: string, root: string): boolean {
  if (!isInside(root, absolute)) return false;
  try {
    return isInside(root, realpathSync(absolute));
  } catch {
    return true;
  }
}

/** Every `$ref` of a parsed file that may not be followed, as located diagnostics. */
export function findForbiddenRefs(doc: SourceDocument, absoluteFile: string, root: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at: PathSegment[] = [];
  // One shared path stack: contracts reach 20 MB, so no array is copied per node.
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        at.push(index);
        visit(value[index]);
        at.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        at.push(key);
        if (key === '$ref' && typeof child === 'string') {
          const verdict = judgeRef(child, absoluteFile, root);
          if (!verdict.ok) diagnostics.push(diagnose(verdict.code, doc.file, doc.locate(at), verdict.reason));
        } else {
          visit(child);
        }
        at.pop();
      }
    }
  };
  visit(doc.value);
  return diagnostics;
}
