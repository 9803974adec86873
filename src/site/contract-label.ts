import type { Contract } from '../catalog/model.ts';

/** How a reader names a contract's format: "Swagger 2.0", "OpenAPI 3.1.0", "AsyncAPI 3.0.0". */
export function contractLabel(contract: Pick<Contract, 'format' | 'specVersion'>): string {
  const family = contract.format === 'asyncapi' ? 'AsyncAPI' : contract.specVersion.startsWith('2') ? 'Swagger' : 'OpenAPI';
  return `${family} ${contract.specVersion}`;
}
