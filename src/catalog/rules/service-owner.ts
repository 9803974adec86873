import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

/**
 * A service has one owner: the team its service.yaml names (a required field, so a service never
 * has none). An API inside it that sets its own `owner:` to another team gives the service a
 * second owner; the finding is at that API's `owner` line, where the fix is.
 */
export const serviceOwner: BusinessRule = {
  code: 'rule/service-owner',
  severity: 'warning',
  check({ catalog }) {
    const diagnostics: Diagnostic[] = [];
    for (const service of catalog.services) {
      const owner = service.config.owner;
      if (!owner) continue;
      for (const api of catalog.apis) {
        if (api.node.service !== service.node.dir || !api.config.owner || api.config.owner === owner) continue;
        diagnostics.push(
          diagnose('rule/service-owner', api.node.file, api.doc.locate(['owner']), `the API "${api.node.id}" is owned by "${api.config.owner}" but its service "${service.node.id}" is owned by "${owner}": a service has one owner`, {
            hint: `Remove \`owner:\` from ${api.node.file} so it inherits "${owner}" from ${service.node.file}, or move the API to a service "${api.config.owner}" owns.`,
          }),
        );
      }
    }
    return diagnostics;
  },
};
