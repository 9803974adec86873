import type { Api, SecurityScheme } from '../catalog/model.ts';
import { routes, withBase } from './urls.ts';
import { environmentsOf } from './environments.ts';

/** Where the try-it console's script is published in the built site. */
export const tryItScript = '/_portolan/scalar/standalone.esm.js';

/** msw's service worker: under /apis/ so that it may control the try-it pages (a worker's scope is its folder). */
export const mockWorkerScript = '/apis/mock-service-worker.js';
export const mockWorkerScope = '/apis/';

/** Where the contract the try-it console reads is published, beside the API's downloads (console-contract.ts). */
export const consoleContractRoute = (id: string): string => `${routes.api(id)}console.json`;

/** How the console names the in-browser mock among the servers. */
export const mockServerLabel = 'Mock — answers with the examples';

/** Whether an API gets the interactive reference: OpenAPI contracts only (AsyncAPI has no request to send), and no retired API (it answers no more). */
export function hasTryIt(api: Api): boolean {
  return api.contract.format === 'openapi' && api.contract.operations.length > 0 && api.lifecycle !== 'retired';
}

/**
 * The configuration handed to Scalar's createApiReference for one API. The contract is the
 * audience's own, with the catalogue's examples (console-contract.ts); the servers are the API's
 * environments, and every Scalar feature that would call Scalar's services (fonts, proxy, agent,
 * MCP, telemetry, the hosted client) is switched off, so the console only ever talks to the
 * servers the catalogue declares. The portal's search and theme toggle are the page's only ones:
 * Scalar's search (and its Ctrl/Cmd-K) and its toggle are hidden; `customCss` is the portal's look.
 */
export function tryItConfig(api: Api, base: string, customCss: string): Record<string, unknown> {
  const environments = environmentsOf(api);
  return {
    url: withBase(base, consoleContractRoute(api.id)),
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
    hideSearch: true,
    customCss,
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
