import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

/** An API handling personal or confidential data says how that data may be used. */
export const dataPolicy: BusinessRule = {
  code: 'rule/data-policy',
  severity: 'error',
  check({ catalog }) {
    const diagnostics: Diagnostic[] = [];
    for (const api of catalog.apis) {
      const business = api.config.business;
      if (!business || business.policy?.trim()) continue;
      const index = (business.data ?? []).findIndex((d) => d.sensitivity === 'personal' || d.sensitivity === 'confidential');
      if (index < 0) continue;
      const entry = business.data![index]!;
      diagnostics.push(
        diagnose('rule/data-policy', api.node.file, api.doc.locate(['business', 'data', index, 'sensitivity']), `the API "${api.node.id}" handles ${entry.sensitivity} data (${entry.entity}) but has no business.policy`, {
          hint: 'Add `business.policy:` saying who may use the data, for what purpose, and how long it is kept.',
        }),
      );
    }
    return diagnostics;
  },
};
