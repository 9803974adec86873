import { diagnose, type Diagnostic } from '../diagnostics.ts';
import type { Checked } from '../validated.ts';
import type { ApiConfig } from '../schema/api.ts';
import type { BusinessRule } from './business-rule.ts';
import { findOverlaps, type Overlap } from './overlap.ts';

const listed = 5;

/**
 * Two APIs whose operations or component schemas overlap strongly (rules/overlap.ts) may be one
 * API built twice: the finding, at the second API's `contract` line, says what they share so a
 * reader can decide to reuse instead. Versions of one product line (`replaces:`,
 * `deprecation.replacedBy`) are alike by design and never reported.
 */
export const duplicateApi: BusinessRule = {
  code: 'rule/duplicate-api',
  severity: 'warning',
  check({ catalog, shapes }) {
    const byDir = new Map(catalog.apis.map((api) => [api.node.dir, api]));
    const line = productLines(catalog.apis);
    const overlaps = findOverlaps(shapes, (a, b) => {
      const x = byDir.get(a)?.node.id;
      const y = byDir.get(b)?.node.id;
      return x !== undefined && y !== undefined && line(x) === line(y);
    });
    return overlaps.flatMap((overlap): Diagnostic[] => {
      const first = byDir.get(overlap.a);
      const second = byDir.get(overlap.b);
      if (!first || !second) return [];
      return [
        diagnose('rule/duplicate-api', second.node.file, second.doc.locate(['contract']), `the API "${second.node.id}" may duplicate "${first.node.id}" (${first.node.file}): ${describe(overlap)}`, {
          hint: `Read "${first.node.id}" before building on "${second.node.id}": reuse or extend one of them, or name the older one in \`replaces:\` if this is its new version.`,
        }),
      ];
    });
  },
};

function describe({ operations, schemas }: Overlap): string {
  const parts = [];
  if (operations.shared.length > 0) parts.push(`${share(operations.shared.length, operations.union)} operations alike (${some(operations.shared)})`);
  if (schemas.shared.length > 0) parts.push(`${share(schemas.shared.length, schemas.union)} schemas with the same properties (${some(schemas.shared.map(([a, b]) => (a === b ? a : `${b} ~ ${a}`)))})`);
  return parts.join('; ');
}

function share(shared: number, union: number): string {
  return `${shared} of ${union} (${Math.round((shared / union) * 100)} %)`;
}

function some(items: readonly string[]): string {
  return items.length > listed ? `${items.slice(0, listed).join(', ')} and ${items.length - listed} more` : items.join(', ');
}

/** Each API id's product line: the versions linked by `replaces:` or `deprecation.replacedBy`, named by one of them. */
function productLines(apis: readonly Checked<ApiConfig>[]): (id: string) => string {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  const join = (a: string, b: string) => {
    const [x, y] = [root(a), root(b)];
    if (x !== y) parent.set(x, y);
  };
  for (const api of apis) {
    if (api.config.replaces) join(api.node.id, api.config.replaces);
    if (api.config.deprecation?.replacedBy) join(api.node.id, api.config.deprecation.replacedBy);
  }
  return root;
}
