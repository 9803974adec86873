import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

/**
 * Every operation of a stable API has a KO example: the contract stage's warning for an
 * operation without one (example/no-ko-example) becomes this rule's finding, at the same place.
 */
export const stableKoExample: BusinessRule = {
  code: 'rule/stable-ko-example',
  severity: 'error',
  supersedes: 'example/no-ko-example',
  check({ catalog, diagnostics }) {
    const stable = new Map<string, string>();
    for (const api of catalog.apis) {
      if (api.config.lifecycle === 'stable' && api.config.contract) stable.set(path.posix.normalize(path.posix.join(api.node.dir, api.config.contract)), api.node.id);
    }
    return diagnostics.flatMap((d): Diagnostic[] => {
      const id = d.code === 'example/no-ko-example' ? stable.get(d.file) : undefined;
      if (!id) return [];
      return [{ ...d, code: 'rule/stable-ko-example', message: `the stable API "${id}": ${d.message}`, hint: `${d.hint ?? ''} A stable API shows how each operation fails.`.trim() }];
    });
  },
};
