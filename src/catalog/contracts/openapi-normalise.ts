import type { Contract, Operation, Parameter, ResponseInfo, SecurityScheme, Server } from '../model.ts';
import type { SourceDocument } from '../read-yaml.ts';
import type { ValidOpenApi } from './openapi.ts';
import { uniqueAnchor } from './anchors.ts';

type Json = Record<string, any>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The normalised contract of a validated, dereferenced OpenAPI document. */
export function normaliseOpenApi({ version, api }: ValidOpenApi, doc: SourceDocument): Omit<Contract, 'file'> {
  const info: Json = api['info'] ?? {};
  return {
    format: 'openapi',
    specVersion: String(api['swagger'] ?? api['openapi']),
    title: String(info['title'] ?? ''),
    version: String(info['version'] ?? ''),
    ...(info['description'] ? { description: String(info['description']) } : {}),
    servers: version === '2.0' ? swagger2Servers(api) : openApi3Servers(api),
    securitySchemes: securitySchemes(version === '2.0' ? api['securityDefinitions'] : api['components']?.['securitySchemes']),
    operations: operations(api, version, doc),
  };
}

function swagger2Servers(api: Json): Server[] {
  if (!api['host']) return [];
  const schemes: string[] = api['schemes'] ?? ['https'];
  return schemes.map((scheme) => ({ name: scheme.toUpperCase(), url: `${scheme}://${api['host']}${api['basePath'] ?? ''}` }));
}

function openApi3Servers(api: Json): Server[] {
  return ((api['servers'] ?? []) as Json[]).map((server, index) => ({
    name: server['description'] ?? `Server ${index + 1}`,
    url: expandVariables(String(server['url']), server['variables'] ?? {}),
    ...(server['description'] ? { description: String(server['description']) } : {}),
  }));
}

function expandVariables(url: string, variables: Json): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => (variables[name]?.default !== undefined ? String(variables[name].default) : whole));
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
      ...(scheme['openIdConnectUrl'] ? { openIdConnectUrl: String(scheme['openIdConnectUrl']) } : {}),
      flows,
    };
  });
}

function urls(details: Json): { authorizationUrl?: string; tokenUrl?: string } {
  return {
    ...(details['authorizationUrl'] ? { authorizationUrl: String(details['authorizationUrl']) } : {}),
    ...(details['tokenUrl'] ? { tokenUrl: String(details['tokenUrl']) } : {}),
  };
}

function operations(api: Json, version: ValidOpenApi['version'], doc: SourceDocument): Operation[] {
  const anchors = new Set<string>();
  const result: Operation[] = [];
  for (const [pathKey, item] of Object.entries<Json>(api['paths'] ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of methods) {
      const op: Json | undefined = item[method];
      if (!op) continue;
      const parameters = mergeParameters(item['parameters'] ?? [], op['parameters'] ?? []);
      const operationId = typeof op['operationId'] === 'string' ? op['operationId'] : undefined;
      result.push({
        id: uniqueAnchor(operationId ?? `${method}-${pathKey}`, anchors),
        ...(operationId ? { operationId } : {}),
        kind: 'http',
        method: method.toUpperCase(),
        path: pathKey,
        ...(op['summary'] ? { summary: String(op['summary']) } : {}),
        ...(op['description'] ? { description: String(op['description']) } : {}),
        tags: (op['tags'] ?? []).map(String),
        deprecated: op['deprecated'] === true,
        internal: op['x-internal'] === true,
        parameters: parameters.filter((p) => p['in'] !== 'body').map(toParameter),
        security: ((op['security'] ?? api['security'] ?? []) as Record<string, string[]>[]).flatMap((requirement) =>
          Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes: [...(scopes ?? [])] })),
        ),
        requestContentTypes: requestContentTypes(api, op, parameters, version),
        responses: Object.entries<Json>(op['responses'] ?? {}).map(([status, response]) => toResponse(api, op, status, response, version)),
        messages: [],
        examples: [],
        source: { file: doc.file },
      });
    }
  }
  return result;
}

function mergeParameters(shared: Json[], own: Json[]): Json[] {
  const key = (p: Json) => `${p['in']}:${p['name']}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

function toParameter(p: Json): Parameter {
  return {
    name: String(p['name']),
    in: String(p['in']),
    required: p['required'] === true,
    ...(p['description'] ? { description: String(p['description']) } : {}),
    internal: p['x-internal'] === true,
  };
}

function requestContentTypes(api: Json, op: Json, parameters: Json[], version: ValidOpenApi['version']): string[] {
  if (version !== '2.0') return Object.keys(op['requestBody']?.['content'] ?? {});
  const hasBody = parameters.some((p) => p['in'] === 'body' || p['in'] === 'formData');
  return hasBody ? (op['consumes'] ?? api['consumes'] ?? ['application/json']) : [];
}

function toResponse(api: Json, op: Json, status: string, response: Json, version: ValidOpenApi['version']): ResponseInfo {
  const contentTypes = version === '2.0' ? (response?.['schema'] ? (op['produces'] ?? api['produces'] ?? ['application/json']) : []) : Object.keys(response?.['content'] ?? {});
  return { status, ...(response?.['description'] ? { description: String(response['description']) } : {}), contentTypes };
}
