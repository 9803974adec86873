import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './read-log.ts';

/** The folder of Portolan's own package.json. */
export const portolanRoot = fileURLToPath(new URL('../../../', import.meta.url));

let fingerprint: string | undefined;

/**
 * What identifies the code that makes a contract outcome: package.json's version, every source
 * file of src/catalog (a code change invalidates without a version bump), the installed packages
 * (npm's node_modules/.package-lock.json: the parsers and validators), and Node's version. About
 * 60 files, 0.4 MB: read once per process, on the first call.
 */
export function portolanFingerprint(): string {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

function computeFingerprint(): string {
  const parts: string[] = [process.version];
  const { version } = JSON.parse(readFileSync(path.join(portolanRoot, 'package.json'), 'utf8')) as { version: string };
  parts.push(version);
  const sources = path.join(portolanRoot, 'src/catalog');
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) parts.push(`${path.relative(sources, file)}\0${sha256(readFileSync(file))}`);
  for (const lock of installedPackageLocks()) {
    try {
      parts.push(sha256(readFileSync(lock)));
    } catch {
      parts.push('no lock');
    }
  }
  return sha256(parts.join('\n'));
}

/** npm's record of the installed tree: in Portolan's node_modules, or in the one Portolan is installed in. */
function installedPackageLocks(): string[] {
  const parent = path.dirname(portolanRoot);
  return [path.join(portolanRoot, 'node_modules/.package-lock.json'), ...(path.basename(parent) === 'node_modules' ? [path.join(parent, '.package-lock.json')] : [])];
}

/** The folders of src whose code decides what the build writes after the render: the policy, the audit, the index, the downloads. */
const outputSources = ['src/audience', 'src/build', 'src/publish', 'src/search', 'src/site'];

let outputPrint: string | undefined;

/** What identifies the code that makes the build's output from the catalogue: `portolanFingerprint` and the sources of `outputSources`. */
export function outputFingerprint(): string {
  outputPrint ??= sha256([portolanFingerprint(), ...outputSources.map((folder) => sourcesHash(path.join(portolanRoot, folder)))].join('\n'));
  return outputPrint;
}

/** The names and sha256 of every file under `dir`, as one sha256. */
function sourcesHash(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return sha256(files.map((file) => `${path.relative(dir, file)}\0${sha256(readFileSync(file))}`).join('\n'));
}

/** A cache key of the build's later steps: the sha256 of its kind, `outputFingerprint` and its inputs. */
export function outputKey(kind: string, ...inputs: string[]): string {
  return sha256([kind, outputFingerprint(), ...inputs].join('\0'));
}
