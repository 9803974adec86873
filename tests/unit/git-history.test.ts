import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editUrl, newestByFolder, readGitHistory } from '../../src/site/git-history.ts';

describe('git history of the catalogue', () => {
  it('gives each file the date of the last commit that changed it, relative to the catalogue folder', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'portolan-git-'));
    try {
      const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
      const git = (date: string, ...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...identity, GIT_COMMITTER_DATE: date } });
      await mkdir(path.join(repo, 'catalog/party/customer-api'), { recursive: true });
      await writeFile(path.join(repo, 'catalog/party/domain.yaml'), 'name: Party\n');
      await writeFile(path.join(repo, 'catalog/party/customer-api/api.yaml'), 'name: A\n');
      git('', 'init', '-q');
      git('', 'add', '.');
      git('2026-01-01T10:00:00Z', 'commit', '-qm', 'first');
      await writeFile(path.join(repo, 'catalog/party/customer-api/api.yaml'), 'name: B\n');
      git('2026-03-04T10:00:00Z', 'commit', '-qam', 'second');
      const history = readGitHistory(path.join(repo, 'catalog'))!;
      expect(history.catalogPath).toBe('catalog');
      expect(history.lastChanged.get('party/domain.yaml')).toMatch(/^2026-01-01/);
      expect(newestByFolder(history).get('party/customer-api')).toMatch(/^2026-03-04/);
      expect(newestByFolder(history).get('party')).toMatch(/^2026-03-04/);
      expect(editUrl('https://github.com/acme/apis', 'main', history, 'party/customer-api/api.yaml')).toBe(
        'https://github.com/acme/apis/edit/main/catalog/party/customer-api/api.yaml',
      );
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('is absent outside a git work tree, and edit links follow the host', () => {
    expect(readGitHistory(os.tmpdir())).toBeUndefined();
    expect(editUrl('https://gitlab.example.com/acme/apis/', 'dev', undefined, 'a/api.yaml')).toBe('https://gitlab.example.com/acme/apis/-/edit/dev/a/api.yaml');
    expect(editUrl(undefined, 'main', undefined, 'a/api.yaml')).toBeUndefined();
  });
});
