import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { readCatalogView } from '../../src/scaffold/catalog-view.ts';
import { planScaffold, refusals, type ScaffoldInput } from '../../src/scaffold/plan.ts';
import { writePlan } from '../../src/scaffold/write-plan.ts';

function copyOfValid(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'portolan-new-')), 'catalog');
  cpSync('tests/fixtures/catalogs/valid', root, { recursive: true });
  return root;
}

async function scaffold(root: string, input: ScaffoldInput): Promise<string[]> {
  const view = await readCatalogView(root);
  expect(refusals(view, input)).toEqual([]);
  return writePlan(view.root, planScaffold(view, input));
}

function schemaTarget(root: string, file: string): string | undefined {
  const match = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(path.join(root, file), 'utf8'));
  return match ? path.resolve(path.dirname(path.join(root, file)), match[1]!) : undefined;
}

const listing = (root: string) => readdirSync(root, { recursive: true }).map(String).sort();

describe('portolan new', () => {
  it('scaffolds an API, a service and an API inside it that check with no error, each $schema line resolving', async () => {
    const root = copyOfValid();
    const written = [
      ...(await scaffold(root, { kind: 'api', id: 'order-api', name: 'Order API', in: 'party', owner: 'party-team', format: 'openapi' })),
      ...(await scaffold(root, { kind: 'service', id: 'billing', name: 'Billing', in: 'party' })),
      ...(await scaffold(root, { kind: 'api', id: 'bill-events', name: 'Bill events', in: 'party/billing', format: 'asyncapi' })),
    ];
    const { diagnostics } = await loadCatalog(root, { diagnosticsOnly: true });
    expect(diagnostics).toEqual([]);
    const metadata = written.filter((f) => /\/(api|service)\.yaml$/.test(f));
    expect(metadata).toEqual(['party/order-api/api.yaml', 'party/billing/service.yaml', 'party/billing/bill-events/api.yaml']);
    for (const file of metadata) expect(existsSync(schemaTarget(root, file)!), file).toBe(true);
    expect(written).toContain('party/order-api/examples/getOrderApiStatus/404.unknown-id.json');
    expect(written).toContain('party/order-api/docs/overview.md');
  });

  it('adds a team to teams.yaml keeping what was there', async () => {
    const root = copyOfValid();
    await scaffold(root, { kind: 'team', id: 'ops-team', name: 'Operations', in: '', productOwner: 'Ada' });
    const text = readFileSync(path.join(root, 'teams.yaml'), 'utf8');
    expect(text).toMatch(/^party-team:\n {2}name: Party Management team\n[\s\S]*ops-team:\n {2}name: Operations\n {2}productOwner: Ada\n$/);
  });

  it('refuses an existing id, a folder that is not a domain or service, and an unknown owner', async () => {
    const view = await readCatalogView(copyOfValid());
    const messages = (input: ScaffoldInput) => refusals(view, input).map((d) => `${d.file} ${d.message} [${d.code}]`);
    expect(messages({ kind: 'api', id: 'customer-api', name: 'x', in: 'party' })).toEqual([
      'party/customer-api/api.yaml the id "customer-api" is already used by the api at party/customer-api [catalog/duplicate-id]',
    ]);
    expect(messages({ kind: 'api', id: 'new-api', name: 'x', in: 'party/customer-api' })[0]).toContain(
      '--in "party/customer-api" is an API folder; a api goes in a domain folder or a service folder',
    );
    expect(messages({ kind: 'service', id: 'svc', name: 'x', in: 'party', owner: 'partyteam' })).toEqual([
      'teams.yaml owner "partyteam" is not a team in teams.yaml; did you mean "party-team"? [catalog/unknown-owner]',
    ]);
    expect(messages({ kind: 'domain', id: 'Bad_Id', name: 'x', in: '' })[0]).toContain('"Bad_Id" is not a valid id');
  });

  it('through the CLI: --yes scaffolds with no prompt, a refusal exits 1 and writes nothing', () => {
    const root = copyOfValid();
    const run = (...args: string[]) =>
      spawnSync('node', ['bin/portolan.js', 'new', ...args, '--catalog', root, '--yes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ok = run('api', '--id', 'order-api', '--in', 'party', '--owner', 'party-team');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('party/order-api/openapi.yaml');
    const check = spawnSync('node', ['bin/portolan.js', 'check', '--catalog', root], { encoding: 'utf8' });
    expect(check.status, check.stdout).toBe(0);
    const before = listing(root);
    const refused = run('api', '--id', 'other-api', '--in', 'party', '--owner', 'partyteam');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('owner "partyteam" is not a team in teams.yaml; did you mean "party-team"?');
    expect(listing(root)).toEqual(before);
    const usage = run('api', '--id', 'other-api');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('needs --in');
  });
});
