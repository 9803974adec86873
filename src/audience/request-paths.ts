import type { Api, Operation } from '../catalog/model.ts';

/** One request path of an API as a guide writes it: the server's base path, then the operation's path. */
export interface RequestPath {
  /** Base path and operation path, cut before the first `{template}` segment: `/customer/v4/customer`. */
  path: string;
  /** The whole path, templates kept: `/customer/v4/customer/{id}/consent`. */
  full: string;
  operation: Operation;
}

/** The path of a server or environment URL, without its trailing `/`: `https://api.example/customer/v4/` gives `/customer/v4`. */
function urlPath(url: string): string {
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return path.startsWith('/') ? path.replace(/\/+$/, '') : '';
}

/** The base paths an API is served under, from its contract's servers and its environments: `/customer/v4`. */
export function basePaths(api: Api): string[] {
  const urls = [...api.contract.servers.map((s) => s.url), ...(api.environments ?? []).map((e) => e.url)];
  return [...new Set(urls.map(urlPath))];
}

/** Cuts a path before its first segment holding a `{template}`: `/customer/v4/customer/{id}` gives `/customer/v4/customer`. */
function beforeTemplate(path: string): string {
  const at = path.indexOf('{');
  return at < 0 ? path : path.slice(0, path.lastIndexOf('/', at));
}

/** Every HTTP request path of an API, under each of its base paths (none for an AsyncAPI contract). */
export function requestPaths(api: Api): RequestPath[] {
  const bases = basePaths(api);
  return api.contract.operations.flatMap((operation) =>
    operation.kind === 'http' && operation.path
      ? (bases.length > 0 ? bases : ['']).map((base) => {
          const full = base + operation.path;
          return { path: beforeTemplate(full), full, operation };
        })
      : [],
  );
}
