import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** A quarter of the catalogue's history: the last commit that changed it in that quarter, or carried over from an earlier one. */
export interface QuarterCommit {
  /** e.g. `2026-Q3`. */
  quarter: string;
  commit: string;
}

/** Where the catalogue's history is, or why there is none to read. */
export type CatalogueHistory = { repository: string; catalogPath: string; quarters: QuarterCommit[] } | { missing: string };

const run = (cwd: string, args: string[]) =>
  execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** `2026-Q3` of an ISO date. */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The quarter after `quarter`. */
function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/**
 * The last commit of each quarter that changed the catalogue, with one `git log`; a quarter
 * without a change keeps the commit before it, so the series has no gap. Dates are the committer's
 * (when the change reached the branch), in UTC.
 */
export function readQuarters(catalogRoot: string): CatalogueHistory {
  let repository: string;
  try {
    repository = run(catalogRoot, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { missing: 'the catalogue is not in a git repository (or git is not installed), so there is no history to read' };
  }
  if (run(repository, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    return {
      missing:
        'the catalogue is a shallow clone, which holds only the latest commits; in CI fetch the whole history (actions/checkout with `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`)',
    };
  }
  const catalogPath = path.relative(repository, path.resolve(catalogRoot)).split(path.sep).join('/');
  let log: string;
  try {
    log = run(repository, ['log', '--format=%H %cI', '--', catalogPath === '' ? '.' : catalogPath]);
  } catch {
    return { missing: "the catalogue's repository has no commit yet" };
  }
  const lastOf = new Map<string, string>();
  // Newest first: the first commit seen in a quarter is its last.
  for (const line of log.split('\n')) {
    const [commit, date] = line.split(' ');
    if (!commit || !date) continue;
    const quarter = quarterOf(new Date(date).toISOString());
    if (!lastOf.has(quarter)) lastOf.set(quarter, commit);
  }
  if (lastOf.size === 0) return { missing: 'no commit has changed the catalogue yet' };
  const seen = [...lastOf.keys()].sort();
  const quarters: QuarterCommit[] = [];
  for (let quarter = seen[0]!, commit = lastOf.get(quarter)!; quarter <= seen.at(-1)!; quarter = nextQuarter(quarter)) {
    commit = lastOf.get(quarter) ?? commit;
    quarters.push({ quarter, commit });
  }
  return { repository, catalogPath, quarters };
}
