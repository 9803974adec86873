import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { discoverCatalog, type FoundNode } from '../catalog/discover.ts';

/** What scaffolding needs to know of a catalogue: its folders, their owners, its teams. */
export interface CatalogView {
  root: string;
  nodes: FoundNode[];
  /** The `owner:` of each domain or service folder that names one. */
  owners: Map<string, string>;
  teamIds: string[];
  /** The text of teams.yaml, when the catalogue has one. */
  teamsText?: string;
}

/** Reads the view of a catalogue that the scaffold plans are checked against. */
export async function readCatalogView(root: string): Promise<CatalogView> {
  const found = (await discoverCatalog(root)).value;
  const owners = new Map<string, string>();
  for (const node of found.nodes.filter((n) => n.kind !== 'api')) {
    const owner = (parseQuietly(await readFile(path.join(found.root, node.file), 'utf8')) as { owner?: unknown } | undefined)?.owner;
    if (typeof owner === 'string') owners.set(node.dir, owner);
  }
  const teamsText = found.teams ? await readFile(path.join(found.root, found.teams), 'utf8') : undefined;
  const teams = teamsText === undefined ? undefined : parseQuietly(teamsText);
  const teamIds = teams && typeof teams === 'object' ? Object.keys(teams) : [];
  return { root: found.root, nodes: found.nodes, owners, teamIds, ...(teamsText === undefined ? {} : { teamsText }) };
}

// A broken file is `check`'s to report; scaffolding only reads what it can.
function parseQuietly(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}
