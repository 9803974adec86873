import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnose, fileStart, type Diagnostic, type StageResult } from './diagnostics.ts';
import { idPattern } from './schema/id-pattern.ts';

/** Deepest allowed domain nesting. */
export const maxDomainDepth = 3;

/** A folder of the catalogue that holds a domain, service or API. */
export interface FoundNode {
  kind: 'domain' | 'service' | 'api';
  id: string;
  /** Catalogue-relative folder, with forward slashes. */
  dir: string;
  /** Catalogue-relative metadata file (domain.yaml, service.yaml or api.yaml). */
  file: string;
  /** Catalogue-relative folders of the enclosing domains, outermost first. */
  domains: string[];
  /** Catalogue-relative folder of the enclosing service, for APIs in one. */
  service?: string;
}

/** An API folder's other files. */
export interface FoundApiFiles {
  examples: string[];
  docs: string[];
}

/** Everything the catalogue holds, by role, as catalogue-relative paths. */
export interface FoundCatalog {
  root: string;
  portal?: string;
  teams?: string;
  /** glossary.yaml, when the catalogue has one. */
  glossary?: string;
  nodes: FoundNode[];
  /** The gateway's exports, usage/*.csv. */
  usage: string[];
  apiFiles: Map<string, FoundApiFiles>;
  /** Every regular file with its size in bytes. */
  sizes: Map<string, number>;
}

const kindFiles = { 'domain.yaml': 'domain', 'service.yaml': 'service', 'api.yaml': 'api' } as const;

// The walk uses the synchronous calls: nothing else runs meanwhile, and for 16,600 files they take
// a third of the time fs.promises does (each of its calls is a round trip to the thread pool).
const byName = new Intl.Collator('en').compare;

/**
 * Walks the catalogue folder: the only place that lists its files. `apiFiles: false` leaves the
 * files inside API folders unlisted (their examples and docs), for a reader of the nodes only.
 */
export async function discoverCatalog(root: string, options: { apiFiles?: boolean } = {}): Promise<StageResult<FoundCatalog>> {
  const realRoot = realpathSync(root);
  const found: FoundCatalog = { root: realRoot, nodes: [], usage: [], apiFiles: new Map(), sizes: new Map() };
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>();

  function walk(dir: string, domains: string[], service: string | undefined): void {
    const absolute = path.join(realRoot, dir);
    const real = realpathSync(absolute);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
    const names = new Set(entries.map((e) => e.name));
    const kindFile = (Object.keys(kindFiles) as (keyof typeof kindFiles)[]).find((name) => names.has(name));
    let here = { domains, service };
    if (kindFile && dir !== '') {
      const node = classify(dir, kindFile, domains, service, diagnostics);
      found.nodes.push(node);
      if (node.kind === 'api') {
        if (options.apiFiles !== false) found.apiFiles.set(dir, listApiFiles(realRoot, dir, found, diagnostics));
        return;
      }
      here = node.kind === 'domain' ? { domains: [...domains, dir], service: undefined } : { domains, service: dir };
    } else if (kindFile && dir === '') {
      diagnostics.push(diagnose('catalog/api-at-root', kindFile, fileStart, `${kindFile} sits at the catalogue root`));
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      const kind = entryKind(realRoot, rel, entry, diagnostics);
      if (kind === 'dir') walk(rel, here.domains, here.service);
      else if (kind === 'file') {
        files.push(rel);
        if (dir === '' && entry.name === 'portal.yaml') found.portal = rel;
        if (dir === '' && entry.name === 'teams.yaml') found.teams = rel;
        if (dir === '' && entry.name === 'glossary.yaml') found.glossary = rel;
        if (dir === 'usage' && entry.name.toLowerCase().endsWith('.csv')) found.usage.push(rel);
      }
    }
    recordSizes(realRoot, files, found);
  }

  walk('', [], undefined);
  return { value: found, diagnostics };
}

function classify(
  dir: string,
  kindFile: keyof typeof kindFiles,
  domains: string[],
  service: string | undefined,
  diagnostics: Diagnostic[],
): FoundNode {
  const kind = kindFiles[kindFile];
  const id = path.posix.basename(dir);
  const file = `${dir}/${kindFile}`;
  if (!idPattern.test(id) || id.length > 64) {
    diagnostics.push(diagnose('catalog/invalid-id', file, fileStart, `the folder name "${id}" is not a valid identifier`));
  }
  if (kind !== 'domain' && domains.length === 0) {
    const code = dir.includes('/') ? 'catalog/orphan-folder' : 'catalog/api-at-root';
    diagnostics.push(diagnose(code, file, fileStart, `the ${kind} "${id}" is not inside a domain`));
  }
  if (kind === 'service' && service) {
    diagnostics.push(diagnose('catalog/orphan-folder', file, fileStart, `the service "${id}" sits inside the service "${path.posix.basename(service)}"; services do not nest`, { hint: 'Move the service folder into a domain folder.' }));
  }
  if (kind === 'domain' && (service || domains.length >= maxDomainDepth)) {
    const why = service ? `inside the service "${path.posix.basename(service)}"` : `${domains.length + 1} levels deep; at most ${maxDomainDepth} are allowed`;
    diagnostics.push(diagnose('catalog/nesting-depth', file, fileStart, `the domain "${id}" is ${why}`));
  }
  return { kind, id, dir, file, domains, ...(service ? { service } : {}) };
}

/** Records the size of each file. */
function recordSizes(root: string, files: readonly string[], found: FoundCatalog): void {
  for (const file of files) found.sizes.set(file, statSync(path.join(root, file)).size);
}

/** Whether a path is a folder or a file to walk; a link that leaves the catalogue is reported and skipped. */
function entryKind(root: string, rel: string, entry: Dirent, diagnostics: Diagnostic[]): 'dir' | 'file' | 'skip' {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'skip';
  let target: string;
  try {
    target = realpathSync(path.join(root, rel));
  } catch {
    diagnostics.push(diagnose('file/unreadable', rel, fileStart, `the symbolic link "${rel}" points to nothing`));
    return 'skip';
  }
  if (!isInside(root, target)) {
    diagnostics.push(diagnose('file/symlink-outside', rel, fileStart, `"${rel}" is a symbolic link to a path outside the catalogue`));
    return 'skip';
  }
  const targetInfo = statSync(target);
  return targetInfo.isDirectory() ? 'dir' : targetInfo.isFile() ? 'file' : 'skip';
}

function listApiFiles(root: string, dir: string, found: FoundCatalog, diagnostics: Diagnostic[]): FoundApiFiles {
  const files: string[] = [];
  function collect(rel: string): void {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => byName(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const child = `${rel}/${entry.name}`;
      const kind = entryKind(root, child, entry, diagnostics);
      if (kind === 'dir') collect(child);
      else if (kind === 'file') files.push(child);
    }
  }
  collect(dir);
  recordSizes(root, files, found);
  const under = (folder: string) => files.filter((f) => f.startsWith(`${dir}/${folder}/`));
  return { examples: under('examples'), docs: under('docs') };
}

/** True when `target` is `root` or lies below it. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
