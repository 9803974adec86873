import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One `portolan` command a CI template runs, as its job writes it. */
export interface TemplateCommand {
  template: 'github' | 'gitlab';
  job: string;
  line: string;
  /** The variables the job's shell has (the template's `env:` / `variables:`). */
  env: Record<string, string>;
}

/** What a job hands on: the files it uploads or reports. */
export interface TemplateJob {
  template: 'github' | 'gitlab';
  job: string;
  commands: TemplateCommand[];
  uploads: string[];
}

type Yaml = Record<string, unknown>;

const template = (name: string): Yaml => parse(readFileSync(new URL(`../../docs/ci/${name}`, import.meta.url), 'utf8')) as Yaml;
const isPortolan = (line: string) => /^(npx portolan|portolan|node bin\/portolan\.js)\s/.test(line);
const stringsOf = (value: unknown): Record<string, string> => Object.fromEntries(Object.entries((value ?? {}) as Yaml).map(([key, v]) => [key, String(v)]));
const trimSlash = (file: string) => file.replace(/\/$/, '');

/** The shell lines of a `run:` block or a `script:` list, continuation lines joined. */
function shellLines(script: unknown): string[] {
  const text = Array.isArray(script) ? script.join('\n') : typeof script === 'string' ? script : '';
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The jobs of docs/ci/github-actions.yml: each step's `run:` and what its steps upload. */
export function githubJobs(): TemplateJob[] {
  const workflow = template('github-actions.yml');
  const workflowEnv = stringsOf(workflow['env']);
  return Object.entries(workflow['jobs'] as Record<string, Yaml>).map(([job, spec]) => {
    const steps = (spec['steps'] ?? []) as Yaml[];
    const commands = steps.flatMap((step) =>
      shellLines(step['run'])
        .filter(isPortolan)
        .map((line) => ({ template: 'github' as const, job, line, env: { ...workflowEnv, ...stringsOf(spec['env']), ...stringsOf(step['env']) } })),
    );
    const uploads = steps.flatMap((step) => {
      const uses = String(step['uses'] ?? '');
      const inputs = (step['with'] ?? {}) as Yaml;
      if (uses.startsWith('github/codeql-action/upload-sarif')) return [String(inputs['sarif_file'])];
      if (uses.startsWith('actions/upload-artifact') || uses.startsWith('actions/upload-pages-artifact')) return [trimSlash(String(inputs['path']))];
      return [];
    });
    return { template: 'github', job, commands, uploads };
  });
}

const gitlabKeywords = new Set(['workflow', 'variables', 'default', 'stages', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);

/** The jobs of docs/ci/gitlab-ci.yml: their scripts and the artifacts and reports they keep. */
export function gitlabJobs(): TemplateJob[] {
  const pipeline = template('gitlab-ci.yml');
  const variables = stringsOf(pipeline['variables']);
  return Object.entries(pipeline)
    .filter(([job]) => !gitlabKeywords.has(job) && !job.startsWith('.'))
    .map(([job, value]) => {
      const spec = value as Yaml;
      const commands = ['before_script', 'script', 'after_script'].flatMap((key) =>
        shellLines(spec[key])
          .filter(isPortolan)
          .map((line) => ({ template: 'gitlab' as const, job, line, env: { ...variables, ...stringsOf(spec['variables']) } })),
      );
      const artifacts = (spec['artifacts'] ?? {}) as Yaml;
      const reports = Object.values((artifacts['reports'] ?? {}) as Yaml)
        .flat()
        .map(String);
      const paths = ((artifacts['paths'] ?? []) as unknown[]).map((p) => trimSlash(String(p)));
      return { template: 'gitlab', job, commands, uploads: [...reports, ...paths] };
    });
}

/** The file a command's stdout is redirected to, if any. */
export function redirectedTo(line: string): string | undefined {
  return /\s>\s*(\S+)/.exec(line)?.[1];
}

/** The `--out` folder of a build command, if any. */
export function outFolder(line: string): string | undefined {
  return /\s--out\s+(\S+)/.exec(line)?.[1];
}
