import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './read-log.ts';

/** The folder of Portolan's own package.json. */
export const portolanRoot = fileURLToPath(new URL('../../../', import.meta.url));

const fingerprints = new Map<string, string>();

/**
 * What identifies the code that makes a contract outcome: package.json's version, every source
 * file of src/catalog (a code change invalidates without a version bump), the installed packages
 * (npm's node_modules/.package-lock.json: the parsers and validators), and Node's version. About
 * 60 files, 0.4 MB: read once per process, on the first call.
 */
export function portolanFingerprint(): string {
  return codeFingerprint(['src/catalog']);
}

/**
 * The same for the code under `paths` (folders or files of Portolan's package): what the later
 * caches of the build key on, e.g. the whole of src/ and public/ for the rendered pages.
 */
export function codeFingerprint(paths: readonly string[]): string {
  const wanted = paths.join('\n');
  let fingerprint = fingerprints.get(wanted);
  if (!fingerprint) {
    fingerprint = computeFingerprint(paths);
    fingerprints.set(wanted, fingerprint);
  }
  return fingerprint;
}

function computeFingerprint(paths: readonly string[]): string {
  const parts: string[] = [process.version];
  const { version } = JSON.parse(readFileSync(path.join(portolanRoot, 'package.json'), 'utf8')) as { version: string };
  parts.push(version);
  for (const file of paths.flatMap(filesUnder).sort()) parts.push(`${path.relative(portolanRoot, file)}\0${sha256(readFileSync(file))}`);
  for (const lock of installedPackageLocks()) {
    try {
      parts.push(sha256(readFileSync(lock)));
    } catch {
      parts.push('no lock');
    }
  }
  return sha256(parts.join('\n'));
}

/** The files of a folder or the file itself, absolute. */
function filesUnder(relative: string): string[] {
  const absolute = path.join(portolanRoot, relative);
  if (statSync(absolute).isFile()) return [absolute];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** npm's record of the installed tree: in Portolan's node_modules, or in the one Portolan is installed in. */
function installedPackageLocks(): string[] {
  const parent = path.dirname(portolanRoot);
  return [path.join(portolanRoot, 'node_modules/.package-lock.json'), ...(path.basename(parent) === 'node_modules' ? [path.join(parent, '.package-lock.json')] : [])];
}

/** What identifies the code that makes the build's output from the catalogue: the sources of src/ except the pages (the render's own key covers those). */
export function outputFingerprint(): string {
  return codeFingerprint(['src/catalog', 'src/audience', 'src/build', 'src/publish', 'src/search', 'src/site']);
}

/** A cache key of the build's later steps: the sha256 of its kind, `outputFingerprint` and its inputs. */
export function outputKey(kind: string, ...inputs: string[]): string {
  return sha256([kind, outputFingerprint(), ...inputs].join('\0'));
}
