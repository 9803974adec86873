import type { Api, Server } from '../catalog/model.ts';

/** Where an API runs: its `environments`, else its contract's servers (catalogue-format.md). */
export function environmentsOf(api: Api): Server[] {
  return api.environments ?? api.contract.servers;
}

/** The server example requests are written against: the first environment, the sandbox in the example catalogue. */
export function exampleServerUrl(api: Api): string {
  return environmentsOf(api)[0]?.url ?? '';
}
