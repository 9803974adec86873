import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasExternalRefs, mayHaveExternalRefs } from '../../src/catalog/contracts/external-refs.ts';
import { parse } from 'yaml';
import { judgedAsWritten } from '../../src/lint/built-in-rulesets.ts';
import { runLintJob, type LintJob } from '../../src/lint/lint-job.ts';
import { defaultPlan } from '../../src/lint/lint-plan.ts';

const root = path.resolve(import.meta.dirname, '../../catalog');

/** The example catalogue's contracts, from the catalogue root. */
function contracts(dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return contracts(rel);
    return /^(openapi|asyncapi)\.ya?ml$/.test(entry.name) ? [rel] : [];
  });
}

const jobOf = (contractFile: string): LintJob => ({
  root,
  apiId: path.posix.basename(path.posix.dirname(contractFile)),
  contractFile,
  format: contractFile.endsWith('asyncapi.yaml') ? 'asyncapi' : 'openapi',
  plan: defaultPlan,
});

const findings = (outcome: Awaited<ReturnType<typeof runLintJob>>) =>
  outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).sort();

describe('rules judged on the contract as written', () => {
  const all = contracts();
  const internalOnly = all.filter((file) => !hasExternalRefs(parse(readFileSync(path.join(root, file), 'utf8'))));

  it('find exactly what they find with every $ref resolved, on every example contract that refers to no other file', async () => {
    expect(internalOnly.length).toBeGreaterThan(10);
    let judged = 0;
    for (const file of internalOnly) {
      const asWritten = findings(await runLintJob(jobOf(file)));
      expect(asWritten, file).toEqual(findings(await runLintJob(jobOf(file), 'resolved')));
      judged += asWritten.filter((line) => judgedAsWritten.some((rule) => line.includes(` lint/${rule} `))).length;
    }
    // Not a vacuous comparison: the rules read as written do find things in these contracts.
    expect(judged).toBeGreaterThan(20);
  }, 120_000);

  it('are judged resolved in a contract that refers to another file, which they reach', async () => {
    const external = all.filter((file) => !internalOnly.includes(file));
    expect(external).not.toEqual([]);
    for (const file of external) {
      const outcome = await runLintJob(jobOf(file));
      expect(findings(outcome), file).toEqual(findings(await runLintJob(jobOf(file), 'resolved')));
      expect(outcome.reads.length, file).toBeGreaterThan(1);
    }
  }, 60_000);
});

describe('the quick look for $refs to other files', () => {
  it('says none only when every $ref is written "#…", however it is quoted', () => {
    expect(mayHaveExternalRefs('a:\n  $ref: \'#/components/schemas/A\'\nb: {"$ref": "#/x"}\n')).toBe(false);
    expect(mayHaveExternalRefs('a:\n  $ref: ./schemas/a.yaml\n')).toBe(true);
    expect(mayHaveExternalRefs('{"a": {"$ref": "other.json#/A"}}')).toBe(true);
    expect(mayHaveExternalRefs('a:\n  \'$ref\': "schemas/a.yaml"\n')).toBe(true);
    expect(mayHaveExternalRefs('? $ref\n: ./a.yaml\n')).toBe(true);
    expect(mayHaveExternalRefs('{"a": {"\\u0024ref": "a.json"}}')).toBe(true);
  });

  it('agrees with the walk of the parsed contract on every example contract', () => {
    for (const file of contracts()) {
      const text = readFileSync(path.join(root, file), 'utf8');
      if (hasExternalRefs(parse(text))) expect(mayHaveExternalRefs(text), file).toBe(true);
    }
  });
});
