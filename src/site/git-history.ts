import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What git knows about the catalogue: where it sits in its repository and when each file last changed. */
export interface GitHistory {
  /** The catalogue folder's path from the repository root ('' when it is the root). */
  catalogPath: string;
  /** Catalogue-relative file → ISO date of the last commit that changed it. */
  lastChanged: Map<string, string>;
}

/** Reads the catalogue's history with one `git log`; undefined outside a git work tree or without git. */
export function readGitHistory(catalogRoot: string): GitHistory | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', catalogRoot, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel').trim();
  } catch {
    return undefined;
  }
  const catalogPath = path.relative(top, catalogRoot).split(path.sep).join('/');
  const prefix = catalogPath === '' ? '' : `${catalogPath}/`;
  const lastChanged = new Map<string, string>();
  let date = '';
  for (const line of git('log', '--format=@%cI', '--name-only', '--', '.').split('\n')) {
    if (line.startsWith('@')) date = line.slice(1);
    else if (line.startsWith(prefix) && line.length > prefix.length) {
      const file = line.slice(prefix.length);
      if (!lastChanged.has(file)) lastChanged.set(file, date);
    }
  }
  return { catalogPath, lastChanged };
}

/** The newest change in each catalogue folder, its sub-folders included; one pass over the history. */
export function newestByFolder(history: GitHistory | undefined): Map<string, string> {
  const newest = new Map<string, string>();
  for (const [file, date] of history?.lastChanged ?? []) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      const known = newest.get(dir);
      if (!known || date > known) newest.set(dir, date);
    }
  }
  return newest;
}

/** The "edit this page" URL of a catalogue file, for GitHub, Gitea or GitLab style hosts. */
export function editUrl(repository: string | undefined, branch: string, history: GitHistory | undefined, file: string): string | undefined {
  if (!repository) return undefined;
  const edit = /gitlab/i.test(repository) ? '/-/edit/' : '/edit/';
  const inRepo = history?.catalogPath ? `${history.catalogPath}/${file}` : file;
  return `${repository.replace(/\/+$/, '')}${edit}${encodeURIComponent(branch)}/${inRepo.split('/').map(encodeURIComponent).join('/')}`;
}
