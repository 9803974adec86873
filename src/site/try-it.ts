import type { Api, SecurityScheme } from '../catalog/model.ts';
import { routes, withBase } from './urls.ts';
import { environmentsOf } from './environments.ts';

/** Where the try-it console's script is published in the built site. */
export const tryItScript = '/_portolan/scalar/standalone.esm.js';

/** msw's service worker: under /apis/ so that it may control the try-it pages (a worker's scope is its folder). */
export const mockWorkerScript = '/apis/mock-service-worker.js';
export const mockWorkerScope = '/apis/';

/** Whether an API gets the interactive reference: OpenAPI contracts only, AsyncAPI has no request to send. */
export function hasTryIt(api: Api): boolean {
  return api.contract.format === 'openapi' && api.contract.operations.length > 0;
}

/**
 * The configuration handed to Scalar's createApiReference for one API. The contract is the
 * audience's own download, the servers are the API's environments, and every Scalar feature
 * that would call Scalar's services (fonts, proxy, agent, MCP, telemetry, the hosted client)
 * is switched off, so the console only ever talks to the servers the catalogue declares.
 */
export function tryItConfig(api: Api, base: string): Record<string, unknown> {
  const environments = environmentsOf(api);
  return {
    url: withBase(base, routes.download(api.id, 'openapi', 'json')),
    title: api.name,
    servers: environments.map((environment) => ({ url: environment.url, description: environment.name })),
    authentication: authenticationFor(api.contract.securitySchemes),
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    hideClientButton: true,
    showDeveloperTools: 'never',
    documentDownloadType: 'none',
    hideDarkModeToggle: true,
    persistAuth: false,
  };
}

/** Prefers the first scheme and turns PKCE on for authorization-code flows, as the guides ask of every public client. */
function authenticationFor(schemes: SecurityScheme[]): Record<string, unknown> {
  const first = schemes[0];
  if (!first) return {};
  const securitySchemes: Record<string, unknown> = {};
  for (const scheme of schemes) {
    if (scheme.flows.some((f) => f.flow === 'authorizationCode')) {
      securitySchemes[scheme.name] = { flows: { authorizationCode: { 'x-usePkce': 'SHA-256' } } };
    }
  }
  return { preferredSecurityScheme: first.name, securitySchemes };
}
