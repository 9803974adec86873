import { diagnose, fileStart, type Diagnostic } from '../catalog/diagnostics.ts';
import { isRecord } from '../catalog/is-record.ts';
import { readYaml, type SourceDocument } from '../catalog/read-yaml.ts';
import { suggest } from '../catalog/suggest.ts';
import { builtInNames, defaultPlan, isDefinition, type BuiltInName, type ExtendMode, type LintPlan } from './lint-plan.ts';

/** Where the catalogue's ruleset is, from the catalogue root. */
export const rulesetFile = 'rules/ruleset.yaml';

const modes: readonly ExtendMode[] = ['recommended', 'all', 'off'];
const severities = new Set(['error', 'warn', 'info', 'hint', 'off', 0, 1, 2, 3, true, false]);
/** Keys that would run code from the catalogue. */
const codeKeys = new Set(['functions', 'functionsDir']);
const allowedKeys = new Set(['extends', 'rules', 'description', 'documentationUrl']);

/** A ruleset read: the plan the workers run, and the problems of the file. */
export interface RulesetReading {
  plan: LintPlan;
  diagnostics: Diagnostic[];
}

/**
 * Reads rules/ruleset.yaml into a plan; each problem is a diagnostic at its line, and the entry
 * it concerns is left out, so the rest of the ruleset still runs. No file: the default plan.
 * Spectral is loaded only to judge the `rules:` entries (names of built-in rules, new rules).
 */
export async function readRuleset(text: string | undefined): Promise<RulesetReading> {
  if (text === undefined) return { plan: defaultPlan, diagnostics: [] };
  const parsed = readYaml(rulesetFile, text);
  if (!parsed.value) return { plan: defaultPlan, diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const diagnostics: Diagnostic[] = [];
  const value = doc.value ?? {};
  if (!isRecord(value))
    return {
      plan: defaultPlan,
      diagnostics: [diagnose('lint/invalid-ruleset', rulesetFile, fileStart, 'the ruleset must be a mapping with `extends` and `rules`')],
    };
  for (const key of Object.keys(value)) {
    const at = doc.locate([key], 'key');
    if (codeKeys.has(key))
      diagnostics.push(diagnose('lint/ruleset-code', rulesetFile, at, `\`${key}\` would run code from the catalogue, which rulesets may not do`));
    else if (!allowedKeys.has(key))
      diagnostics.push(diagnose('lint/invalid-ruleset', rulesetFile, at, `\`${key}\` is not supported in a catalogue ruleset; use \`extends\` and \`rules\``));
  }
  const plan: LintPlan = { modes: { ...defaultPlan.modes }, rules: {}, errorRules: [] };
  readExtends(doc, value['extends'], plan, diagnostics);
  await readRules(doc, value['rules'], plan, diagnostics);
  return { plan, diagnostics };
}

function readExtends(doc: SourceDocument, value: unknown, plan: LintPlan, diagnostics: Diagnostic[]): void {
  if (value === undefined) return;
  const list = Array.isArray(value) ? value : [value];
  list.forEach((entry, index) => {
    const at = doc.locate(Array.isArray(value) ? ['extends', index] : ['extends']);
    const [name, mode = 'recommended'] = Array.isArray(entry) ? entry : [entry];
    if (typeof name !== 'string' || !(builtInNames as readonly string[]).includes(name)) {
      const hint = `Extend only ${builtInNames.join(', ')}: a ruleset from a file or URL could run code.`;
      diagnostics.push(diagnose('lint/ruleset-code', rulesetFile, at, `"${String(name)}" is not a built-in ruleset`, { hint }));
    } else if (!modes.includes(mode as ExtendMode)) {
      diagnostics.push(diagnose('lint/invalid-ruleset', rulesetFile, at, `"${String(mode)}" is not a way to extend a ruleset; use ${modes.join(', ')}`));
    } else {
      plan.modes[name as BuiltInName] = mode as ExtendMode;
    }
  });
}

async function readRules(doc: SourceDocument, value: unknown, plan: LintPlan, diagnostics: Diagnostic[]): Promise<void> {
  if (value === undefined) return;
  if (!isRecord(value)) {
    diagnostics.push(diagnose('lint/invalid-ruleset', rulesetFile, doc.locate(['rules']), '`rules` must map rule names to a severity or a rule'));
    return;
  }
  if (Object.keys(value).length === 0) return;
  const spectral = await loadSpectral();
  const builtIn = builtInNames.flatMap(spectral.ruleNames);
  for (const [name, entry] of Object.entries(value)) {
    const at = doc.locate(['rules', name], 'key');
    const problem = isDefinition(entry) ? definitionProblem(doc, name, entry, spectral) : overrideProblem(name, entry, builtIn, at);
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    plan.rules[name] = entry;
    const severity = isRecord(entry) ? entry['severity'] : entry;
    if (severity === 'error' || severity === 0) plan.errorRules.push(name);
  }
}

/** A change to a built-in rule: its name must exist, its value be a severity. */
function overrideProblem(name: string, entry: unknown, builtIn: readonly string[], at: { line: number; column: number }): Diagnostic | undefined {
  if (!builtIn.includes(name)) {
    const close = suggest(name, builtIn);
    const hint = close ? `Did you mean "${close}"? To define a new rule, give it \`given\` and \`then\`.` : undefined;
    return diagnose('lint/unknown-rule', rulesetFile, at, `"${name}" is not a rule of the built-in rulesets`, hint ? { hint } : {});
  }
  const severity = isRecord(entry) ? entry['severity'] : entry;
  if (!severities.has(severity as string))
    return diagnose('lint/invalid-ruleset', rulesetFile, at, `"${String(severity)}" is not a severity; use error, warn, info, hint or off`);
  return undefined;
}

type Spectral = Awaited<ReturnType<typeof loadSpectral>>;

/** What judging rules needs of Spectral: seconds to load, which a run without `rules:` never pays. */
async function loadSpectral() {
  const [{ Ruleset }, { ruleNames }, { builtInFunctions, spectralRuleset }] = await Promise.all([
    import('@stoplight/spectral-core'),
    import('./built-in-rulesets.ts'),
    import('./spectral-ruleset.ts'),
  ]);
  return { Ruleset, ruleNames, builtInFunctions, spectralRuleset };
}

/** A new rule: its functions must be built in, and Spectral must accept it. */
function definitionProblem(doc: SourceDocument, name: string, rule: Record<string, unknown>, spectral: Spectral): Diagnostic | undefined {
  const { Ruleset, builtInFunctions, spectralRuleset } = spectral;
  const then = rule['then'];
  const steps = Array.isArray(then) ? then : [then];
  for (const [index, step] of steps.entries()) {
    const fn = isRecord(step) ? step['function'] : undefined;
    if (typeof fn !== 'string' || !(fn in builtInFunctions)) {
      const where = Array.isArray(then) ? ['rules', name, 'then', index, 'function'] : ['rules', name, 'then', 'function'];
      const close = typeof fn === 'string' ? suggest(fn, Object.keys(builtInFunctions)) : undefined;
      return diagnose(
        'lint/unknown-function',
        rulesetFile,
        doc.locate(where),
        `"${String(fn)}" is not one of Spectral’s built-in functions${close ? `; did you mean "${close}"?` : ''}`,
      );
    }
  }
  try {
    new Ruleset(
      spectralRuleset({ ...defaultPlan, modes: { 'spectral:oas': 'off', 'spectral:asyncapi': 'off', owasp: 'off' }, rules: { [name]: rule } }, 'openapi'),
    );
  } catch (error) {
    return diagnose('lint/invalid-ruleset', rulesetFile, doc.locate(['rules', name], 'key'), `the rule "${name}" is not valid: ${firstLine(error)}`);
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
