import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

const tryOut = /\b(sandbox|mock)\b/i;

/**
 * A public or partner API that lists its environments gives consumers one to try it in, named
 * Sandbox or Mock. Without `environments:` the contract's servers stand for them, which `check`
 * does not read back from its cache: those are not judged.
 */
export const sandbox: BusinessRule = {
  code: 'rule/sandbox',
  severity: 'error',
  check({ catalog }) {
    const diagnostics: Diagnostic[] = [];
    for (const api of catalog.apis) {
      const { audience, lifecycle, environments } = api.config;
      if ((audience !== 'public' && audience !== 'partner') || lifecycle === 'retired' || !environments) continue;
      if (environments.some((e) => tryOut.test(e.name))) continue;
      diagnostics.push(
        diagnose('rule/sandbox', api.node.file, api.doc.locate(['environments'], 'key'), `the ${audience} API "${api.node.id}" lists its environments but no Sandbox or Mock among them`, {
          hint: 'Add an environment consumers can try it in, e.g. `environments: [{ name: Sandbox, url: https://sandbox.api.example.com/... }]`, or one named Mock.',
        }),
      );
    }
    return diagnostics;
  },
};
