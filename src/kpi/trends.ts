import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { ApiSchema } from '../catalog/schema/api.ts';
import { apisUnder, catalogueFigures, consumersOf, type CatalogueFigures } from './catalogue-figures.ts';
import { BlobReader } from './git-blobs.ts';
import { readQuarters } from './git-quarters.ts';
import { kpiApiOf, type KpiApi } from './kpi-api.ts';

/** One quarter's catalogue figures: the portfolio's and each domain's that existed then. */
export interface QuarterFigures {
  quarter: string;
  commit: string;
  portfolio: CatalogueFigures;
  domains: Record<string, CatalogueFigures>;
  /** api.yaml files of that commit that did not parse or pass today's schema, left out of its figures. */
  skipped: number;
}

/** The trends, or why there are none. */
export type Trends = { quarters: QuarterFigures[] } | { missing: string };

/** An api.yaml blob as read once (its id and trail are its folder's, set per commit), or `undefined` when it failed. */
type ParsedBlob = KpiApi | undefined;

/**
 * The catalogue figures per quarter, from the catalogue's git history: one `git log` for the
 * quarters, one `git ls-tree` per quarter, and one `git cat-file --batch` for the api.yaml blobs,
 * each blob read and parsed once however many quarters hold it.
 */
export async function readTrends(catalogRoot: string): Promise<Trends> {
  const history = readQuarters(catalogRoot);
  if ('missing' in history) return history;
  const blobs = new BlobReader(history.repository);
  const parsed = new Map<string, ParsedBlob>();
  try {
    const quarters: QuarterFigures[] = [];
    for (const { quarter, commit } of history.quarters) {
      const files = listFiles(history.repository, commit, history.catalogPath);
      const apis: KpiApi[] = [];
      let skipped = 0;
      for (const { dir, sha } of files.apis) {
        if (!parsed.has(sha)) parsed.set(sha, parseApi(await blobs.read(sha)));
        const config = parsed.get(sha);
        if (!config) skipped += 1;
        else apis.push({ ...config, id: path.posix.basename(dir), trail: trailOf(dir, files.domains) });
      }
      const consumers = consumersOf(apis);
      const domains: Record<string, CatalogueFigures> = {};
      for (const id of [...new Set(apis.flatMap((api) => api.trail))].sort()) domains[id] = catalogueFigures(apis, apisUnder(apis, id), consumers);
      quarters.push({ quarter, commit, portfolio: catalogueFigures(apis, apis, consumers), domains, skipped });
    }
    return { quarters };
  } finally {
    blobs.close();
  }
}

/** The catalogue's api.yaml blobs (by folder) and its domain folders at `commit`, paths relative to the catalogue. */
function listFiles(repository: string, commit: string, catalogPath: string): { apis: { dir: string; sha: string }[]; domains: Set<string> } {
  const args = ['-C', repository, 'ls-tree', '-r', '-z', commit, ...(catalogPath === '' ? [] : ['--', catalogPath])];
  const out = execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  const prefix = catalogPath === '' ? '' : `${catalogPath}/`;
  const apis: { dir: string; sha: string }[] = [];
  const domains = new Set<string>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const file = entry.slice(tab + 1).slice(prefix.length);
    const name = path.posix.basename(file);
    if (name === 'domain.yaml') domains.add(path.posix.dirname(file));
    else if (name === 'api.yaml' && entry.slice(0, tab).split(' ')[1] === 'blob')
      apis.push({ dir: path.posix.dirname(file), sha: entry.slice(0, tab).split(' ')[2]! });
  }
  return { apis, domains };
}

/** The domain ids above an API's folder, outermost first (a folder's id is its name). */
function trailOf(dir: string, domains: ReadonlySet<string>): string[] {
  const trail: string[] = [];
  for (let up = path.posix.dirname(dir); up !== '.' && up !== ''; up = path.posix.dirname(up)) if (domains.has(up)) trail.unshift(path.posix.basename(up));
  return trail;
}

function parseApi(text: string | undefined): ParsedBlob {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  const result = ApiSchema.safeParse(value);
  if (!result.success) return undefined;
  return kpiApiOf('', [], result.data);
}
