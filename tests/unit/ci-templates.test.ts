import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubJobs, gitlabJobs, outFolder, redirectedTo, type TemplateCommand } from './ci-template-jobs.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(projectRoot, 'bin/portolan.js');
const jobs = [...githubJobs(), ...gitlabJobs()];
const commands = jobs.flatMap((job) => job.commands);

/** What the runners give the templates' expressions and variables, as on a GitHub project site and a GitLab Pages site. */
const githubExpressions: Record<string, string> = {
  'steps.pages.outputs.base_path': '/api-catalogue',
  'steps.pages.outputs.origin': 'https://acme.github.io',
};
const runnerVariables = { CI_PAGES_URL: 'https://api-catalogue-4f2a.gitlab.io' };

const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(projectRoot, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
})();

/** The command's shell line as the runner runs it, with this checkout's Portolan for `npx portolan`. */
function shellLine(command: TemplateCommand): string {
  const line = command.line.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const value = githubExpressions[expression];
    if (value === undefined) throw new Error(`the test gives no value for \${{ ${expression} }} (${command.job}: ${command.line})`);
    return value;
  });
  return line.replace(/^(npx portolan|portolan|node bin\/portolan\.js)/, `"${process.execPath}" "${bin}"`);
}

/** Runs a shell line in `cwd` with the job's variables; resolves with its exit status and output. */
function runShell(line: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', line], { cwd, env: { ...process.env, NO_COLOR: '1', ...runnerVariables, ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Each distinct shell line once, in the templates' order (GitHub's, then GitLab's). */
function distinct(list: readonly TemplateCommand[]): { line: string; command: TemplateCommand }[] {
  const runs = new Map<string, { line: string; command: TemplateCommand }>();
  for (const command of list) {
    const line = shellLine(command);
    if (!runs.has(line)) runs.set(line, { line, command });
  }
  return [...runs.values()];
}

/** The `--base` a build line passes, its variables expanded as the shell does. */
function baseOf(line: string, env: Record<string, string>): string | undefined {
  const value = /--base "?([^"\s]+)/.exec(line)?.[1];
  return value?.replace(/\$(\w+)/g, (_, name: string) => ({ ...runnerVariables, ...env })[name] ?? '');
}

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A catalogue repository like a contributor's: catalog/ and content/ at the root of a git repository with one commit. */
async function catalogueRepository(catalog: string, content?: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portolan-ci-'));
  temporary.push(dir);
  await cp(catalog, path.join(dir, 'catalog'), { recursive: true });
  if (content) await cp(content, path.join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '-A');
  git('-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '--quiet', '-m', 'catalogue');
  return dir;
}

describe('the CI templates in docs/ci', () => {
  it('run check in every report format and build every audience', () => {
    const lines = commands.map((c) => c.line);
    for (const format of ['github', 'sarif', 'gitlab']) expect(lines.some((l) => l.includes(`check --format ${format}`))).toBe(true);
    for (const audience of ['public', 'partner', 'internal']) expect(lines.some((l) => l.includes(`build --audience ${audience}`))).toBe(true);
    expect(commands.every((c) => c.line.includes('--cache .portolan-cache'))).toBe(true);
  });

  it('upload or report each file their commands write, and only those', () => {
    for (const job of jobs) {
      const written = job.commands.map((c) => redirectedTo(c.line) ?? outFolder(c.line)).filter((f) => f !== undefined);
      expect(job.uploads.sort(), `${job.template} job ${job.job}`).toEqual(written.sort());
    }
  });

  describe('on the example catalogue', () => {
    let repository: string;
    beforeAll(async () => {
      repository = await catalogueRepository(path.join(projectRoot, 'catalog'), path.join(projectRoot, 'content'));
    });

    it('every command succeeds and writes a report or portal that parses', { timeout: 400_000 }, async () => {
      for (const { line, command } of distinct(commands)) {
        const run = await runShell(line, repository, command.env);
        expect(run.status, `${command.template} ${command.job}: ${command.line}\n${run.stderr}`).toBe(0);
        const report = redirectedTo(command.line);
        if (report?.endsWith('.sarif')) {
          const log = JSON.parse(await readFile(path.join(repository, report), 'utf8'));
          expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
        } else if (report) {
          expect(Array.isArray(JSON.parse(await readFile(path.join(repository, report), 'utf8')))).toBe(true);
        }
        const out = outFolder(command.line);
        if (out) {
          const home = await readFile(path.join(repository, out, 'index.html'), 'utf8');
          const base = baseOf(line, command.env);
          if (base && base !== '/') expect(home).toContain(`href="${base}`);
        }
        if (command.line.includes('--format github')) expect(run.stdout).toBe('');
      }
    });
  });

  describe('on a catalogue with errors', () => {
    const checks = distinct(commands.filter((c) => c.line.includes(' check')));
    let repository: string;
    beforeAll(async () => {
      repository = await catalogueRepository(path.join(projectRoot, 'tests/fixtures/catalogs/many-errors'));
    });

    it('the reports are written and hold each problem at a repository path, and the gating checks fail', async () => {
      for (const { line, command } of checks) {
        const run = await runShell(line, repository, command.env);
        const report = redirectedTo(command.line);
        const where = `${command.template} ${command.job}: ${command.line}\n${run.stderr}`;
        if (!report) {
          expect(run.status, where).toBe(1);
          if (command.line.includes('--format github')) expect(run.stdout).toMatch(/^::error file=catalog\//);
          continue;
        }
        expect(run.status, where).toBe(0);
        const parsed = JSON.parse(await readFile(path.join(repository, report), 'utf8'));
        const files: string[] = report.endsWith('.sarif')
          ? parsed.runs[0].results.map(
              (r: { locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }) => r.locations[0].physicalLocation.artifactLocation.uri,
            )
          : parsed.map((issue: { location: { path: string } }) => issue.location.path);
        if (report.endsWith('.sarif')) expect(validateSarif(parsed), JSON.stringify(validateSarif.errors)).toBe(true);
        expect(files.length, where).toBeGreaterThan(0);
        for (const file of files) expect(existsSync(path.join(repository, file)), `${report}: ${file}`).toBe(true);
      }
    });
  });
});
