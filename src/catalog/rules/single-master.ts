import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

/**
 * A business entity has one system of record: at most one API says `master: true` for it in
 * `business.data`. Entities are compared by name, case and spaces aside. Each master is told
 * where the other ones are, at its own `master` line.
 */
export const singleMaster: BusinessRule = {
  code: 'rule/single-master',
  severity: 'warning',
  check({ catalog }) {
    const masters = new Map<string, { api: (typeof catalog.apis)[number]; index: number; entity: string }[]>();
    for (const api of catalog.apis) {
      (api.config.business?.data ?? []).forEach((entry, index) => {
        if (!entry.master) return;
        const key = entry.entity.trim().toLowerCase().replace(/\s+/g, ' ');
        masters.set(key, [...(masters.get(key) ?? []), { api, index, entity: entry.entity.trim() }]);
      });
    }
    const diagnostics: Diagnostic[] = [];
    for (const claims of masters.values()) {
      if (claims.length < 2) continue;
      for (const { api, index, entity } of claims) {
        const others = claims.filter((c) => c.api !== api).map((c) => `"${c.api.node.id}" (${c.api.node.file})`);
        diagnostics.push(
          diagnose('rule/single-master', api.node.file, api.doc.locate(['business', 'data', index, 'master']), `the API "${api.node.id}" masters the entity "${entity}", and so does ${others.join(' and ')}`, {
            hint: `One API is the system of record for "${entity}": keep \`master: true\` there and remove it from the others, which read the entity from it.`,
          }),
        );
      }
    }
    return diagnostics;
  },
};
