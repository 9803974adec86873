import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { BusinessRule } from './business-rule.ts';

/** docs/migration.md, or a localised docs/migration.<locale>.md. */
const migrationPage = /\/docs\/migration(\.[a-z]{2}(-[a-z0-9]+)?)?\.md$/i;

/** A deprecated API tells its consumers where to go: `deprecation.replacedBy`, or a docs/migration.md page. */
export const deprecationSuccessor: BusinessRule = {
  code: 'rule/deprecation-successor',
  severity: 'error',
  check({ catalog, docs }) {
    const diagnostics: Diagnostic[] = [];
    for (const api of catalog.apis) {
      // Without `deprecation` at all, catalog/deprecation already asks for it, replacedBy included.
      const { lifecycle, deprecation } = api.config;
      if (lifecycle !== 'deprecated' || !deprecation || deprecation.replacedBy) continue;
      if ((docs.get(api.node.dir) ?? []).some((page) => migrationPage.test(page.file))) continue;
      diagnostics.push(
        diagnose('rule/deprecation-successor', api.node.file, api.doc.locate(['deprecation'], 'key'), `the deprecated API "${api.node.id}" names no deprecation.replacedBy and has no docs/migration.md`, {
          hint: `Set \`deprecation.replacedBy: <api-id>\` to the API that replaces it, or write ${api.node.dir}/docs/migration.md telling consumers how to move off it.`,
        }),
      );
    }
    return diagnostics;
  },
};
