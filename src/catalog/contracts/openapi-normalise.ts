import type { Contract, SecurityScheme, Server } from '../model.ts';
import type { SourceDocument } from '../read-yaml.ts';
import type { ValidOpenApi } from './openapi.ts';
import { openApiOperations } from './openapi-operations.ts';
import { componentNames, createSchemaCatalog } from './schema-view.ts';
import { expandServerUrl, isPublishableServer, isPublishableServerUrl } from '../server-urls.ts';
import { isSafeHref } from '../safe-urls.ts';

type Json = Record<string, any>;

/** The normalised contract of a validated, dereferenced OpenAPI document. */
export function normaliseOpenApi({ version, api }: ValidOpenApi, doc: SourceDocument): Omit<Contract, 'file'> {
  const info: Json = api['info'] ?? {};
  const schemas = createSchemaCatalog(componentNames(version === '2.0' ? api['definitions'] : api['components']?.['schemas']));
  const operations = openApiOperations(api, version, doc, schemas);
  return {
    format: 'openapi',
    specVersion: String(api['swagger'] ?? api['openapi']),
    title: String(info['title'] ?? ''),
    version: String(info['version'] ?? ''),
    ...(info['description'] ? { description: String(info['description']) } : {}),
    servers: version === '2.0' ? swagger2Servers(api) : openApi3Servers(api),
    securitySchemes: securitySchemes(version === '2.0' ? api['securityDefinitions'] : api['components']?.['securitySchemes']),
    operations,
    schemas: schemas.referencedComponents(),
  };
}

/** Servers with an unsafe URL are left out (server-urls.ts); `check` warns about them. */
function swagger2Servers(api: Json): Server[] {
  if (!api['host']) return [];
  const schemes: string[] = api['schemes'] ?? ['https'];
  const servers = schemes.map((scheme) => ({ name: scheme.toUpperCase(), url: `${scheme}://${api['host']}${api['basePath'] ?? ''}` }));
  return servers.every((server) => isPublishableServerUrl(server.url)) ? servers : [];
}

function openApi3Servers(api: Json): Server[] {
  return ((api['servers'] ?? []) as Json[]).flatMap((server, index) =>
    isPublishableServer(server)
      ? [
          {
            name: server['description'] ?? `Server ${index + 1}`,
            url: expandVariables(String(server['url']), server['variables'] ?? {}),
            ...(server['description'] ? { description: String(server['description']) } : {}),
            ...(server['x-internal'] === true ? { internal: true } : {}),
          },
        ]
      : [],
  );
}

/** The URL with each variable at its default. */
function expandVariables(url: string, variables: Json): string {
  return expandServerUrl(url, Object.fromEntries(Object.entries<Json>(variables).map(([name, variable]) => [name, variable?.['default']])));
}

/** Security schemes of OpenAPI 2 (securityDefinitions) or 3 (components.securitySchemes). */
export function securitySchemes(schemes: Json | undefined): SecurityScheme[] {
  return Object.entries(schemes ?? {}).map(([name, scheme]) => {
    const flows: SecurityScheme['flows'] = [];
    if (scheme['flows']) {
      for (const [flow, details] of Object.entries<Json>(scheme['flows'])) {
        flows.push({ flow, ...urls(details), scopes: { ...(details['scopes'] ?? {}), ...(details['availableScopes'] ?? {}) } });
      }
    } else if (scheme['type'] === 'oauth2') {
      flows.push({ flow: String(scheme['flow'] ?? 'oauth2'), ...urls(scheme), scopes: { ...(scheme['scopes'] ?? {}) } });
    }
    return {
      name,
      type: String(scheme['type'] ?? 'unknown'),
      ...(scheme['description'] ? { description: String(scheme['description']) } : {}),
      ...safeUrl('openIdConnectUrl', scheme['openIdConnectUrl']),
      flows,
    };
  });
}

function urls(details: Json): { authorizationUrl?: string; tokenUrl?: string } {
  return { ...safeUrl('authorizationUrl', details['authorizationUrl']), ...safeUrl('tokenUrl', details['tokenUrl']) };
}

/** `{ [key]: url }` when the URL may be shown and followed; an OAuth or OpenID URL of another scheme (`javascript:`) is left out, as in the contract download. */
function safeUrl<K extends string>(key: K, value: unknown): { [k in K]?: string } {
  const url = value ? String(value) : '';
  return url && isSafeHref(url.trim()) ? ({ [key]: url } as { [k in K]?: string }) : {};
}
