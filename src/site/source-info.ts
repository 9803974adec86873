import path from 'node:path';
import type { Catalog } from '../catalog/model.ts';
import { editUrl, newestByFolder, readGitHistory } from './git-history.ts';
import type { SourceInfo } from './site-data.ts';

/** Last-updated dates and "edit this page" links for every page's source file. */
export function describeSources(catalog: Catalog, catalogRoot: string): Record<string, SourceInfo> {
  const history = readGitHistory(catalogRoot);
  const { repository, branch } = catalog.portal;
  const folders = newestByFolder(history);
  const info = (file: string, updated: string | undefined): SourceInfo => {
    const edit = editUrl(repository?.url, branch, history, file);
    return { ...(updated ? { updated } : {}), ...(edit ? { edit } : {}) };
  };
  const sources: Record<string, SourceInfo> = {};
  for (const api of catalog.apis) {
    sources[api.source.file] = info(api.source.file, folders.get(path.posix.dirname(api.source.file)));
    for (const doc of api.docs) sources[doc.source.file] = info(doc.source.file, history?.lastChanged.get(doc.source.file));
  }
  for (const item of [...catalog.domains, ...catalog.services]) sources[item.source.file] = info(item.source.file, history?.lastChanged.get(item.source.file));
  return sources;
}
