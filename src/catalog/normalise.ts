import path from 'node:path';
import type { Api, Catalog, Consumer, DocPage, Domain, Service, Team } from './model.ts';
import { effectiveOwner } from './resolve.ts';
import type { ValidatedCatalog } from './validated.ts';

/** Builds the Catalog model every page reads from what passed validation. */
export function normaliseCatalog(validated: ValidatedCatalog): Catalog {
  const apiIds = new Set(validated.apis.map((a) => a.node.id));
  const domainIdOf = (dir: string | undefined) => (dir ? path.posix.basename(dir) : undefined);

  const teams: Team[] = Object.entries(validated.teams?.config ?? {}).map(([id, team]) => ({ id, ...team }));

  const domains: Domain[] = validated.domains.map(({ node, config }) => {
    const parent = domainIdOf(node.domains.at(-1));
    const owner = config.owner ?? [...node.domains].reverse().map((dir) => validated.domains.find((d) => d.node.dir === dir)?.config.owner).find(Boolean);
    return {
      ...config,
      id: node.id,
      ...(owner ? { owner } : {}),
      ...(parent ? { parent } : {}),
      trail: [...node.domains.map((d) => path.posix.basename(d)), node.id],
      source: { file: node.file, line: 1 },
    };
  });

  const services: Service[] = validated.services.map(({ node, config }) => ({
    ...config,
    id: node.id,
    domain: domainIdOf(node.domains.at(-1))!,
    source: { file: node.file, line: 1 },
  }));

  const apis: Api[] = validated.apis.flatMap((api): Api[] => {
    const { node, config, contract } = api;
    if (!contract) return [];
    const { consumers = [], contract: _contractPath, ...rest } = config;
    return [
      {
        ...rest,
        id: node.id,
        owner: effectiveOwner(api, validated) ?? '',
        domain: domainIdOf(node.domains.at(-1))!,
        ...(node.service ? { service: path.posix.basename(node.service) } : {}),
        consumers: consumers.map((entry): Consumer => {
          const { name, audience } = typeof entry === 'string' ? { name: entry, audience: 'internal' as const } : entry;
          return apiIds.has(name) ? { kind: 'api', id: name } : { kind: 'app', name, audience };
        }),
        dependsOn: config.dependsOn ?? [],
        contract,
        docs: docPages(validated.docs.get(node.dir) ?? []),
        source: { file: node.file, line: 1 },
      },
    ];
  });

  return { portal: validated.portal, teams, domains, services, apis, glossary: validated.glossary };
}

function docPages(files: readonly { file: string; text: string }[]): DocPage[] {
  return files.map(({ file, text }) => {
    const slug = path.posix.basename(file, '.md').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
    return { slug, title: heading ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), markdown: text, source: { file, line: 1 } };
  });
}
