import { diagnose, type Diagnostic } from '../diagnostics.ts';
import { effectiveOwner } from '../resolve.ts';
import type { BusinessRule } from './business-rule.ts';

/** A team that owns APIs names its product owner in teams.yaml. */
export const productOwner: BusinessRule = {
  code: 'rule/product-owner',
  severity: 'error',
  check({ catalog }) {
    const teams = catalog.teams;
    if (!teams) return [];
    const owned = new Map<string, string[]>();
    for (const api of catalog.apis) {
      const owner = effectiveOwner(api, catalog);
      if (owner) owned.set(owner, [...(owned.get(owner) ?? []), api.node.id]);
    }
    const diagnostics: Diagnostic[] = [];
    for (const [id, apis] of owned) {
      const team = teams.config[id];
      if (!team || team.productOwner?.trim()) continue;
      const more = apis.length > 1 ? ` and ${apis.length - 1} more` : '';
      diagnostics.push(
        diagnose('rule/product-owner', teams.doc.file, teams.doc.locate([id], 'key'), `the team "${id}" owns the API "${apis[0]}"${more} but names no productOwner`, {
          hint: `Add \`productOwner: <name>\` to "${id}" in teams.yaml: the person who decides what its APIs do.`,
        }),
      );
    }
    return diagnostics;
  },
};
