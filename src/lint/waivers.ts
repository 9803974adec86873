import { diagnose, type Diagnostic, type Position } from '../catalog/diagnostics.ts';
import { readYaml } from '../catalog/read-yaml.ts';
import type { WaiverStatus } from '../governance/figures.ts';

/** Where the waivers are, from the catalogue root. */
export const waiversFile = 'rules/waivers.yaml';

/** A waiver as read, with where it stands. */
export interface Waiver extends WaiverStatus {
  at: Position;
  apiAt: Position;
}

/** Reads rules/waivers.yaml (none: no waiver); `today` (YYYY-MM-DD) tells which have expired. */
export async function readWaivers(text: string | undefined, today: string): Promise<{ waivers: Waiver[]; diagnostics: Diagnostic[] }> {
  if (text === undefined) return { waivers: [], diagnostics: [] };
  const parsed = readYaml(waiversFile, text);
  if (!parsed.value) return { waivers: [], diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  // Loaded only for a waivers file: the schemas are most of a fully cached run's start.
  const [{ WaiversSchema }, { validateDocument }] = await Promise.all([import('../catalog/schema/waivers.ts'), import('../catalog/validate.ts')]);
  const checked = validateDocument(WaiversSchema, doc);
  if (!checked.value) return { waivers: [], diagnostics: checked.diagnostics };
  const waivers = checked.value.map((w, index) => ({
    apiId: w.api,
    rule: w.rule.replace(/^lint\//, ''),
    reason: w.reason,
    approvedBy: w.approvedBy,
    until: w.until,
    expired: w.until < today,
    at: doc.locate([index]),
    apiAt: doc.locate([index, 'api']),
  }));
  return { waivers, diagnostics: [] };
}

/**
 * Applies the waivers to the findings of the linted APIs: a finding a waiver in force covers is
 * marked waived and made a warning; an expired waiver, a waiver that matches nothing, and one
 * naming an unknown API are diagnostics at their line.
 */
export function applyWaivers(
  findings: readonly { apiId: string; diagnostic: Diagnostic }[],
  waivers: readonly Waiver[],
  apis: { all: ReadonlySet<string>; linted: ReadonlySet<string> },
): { diagnostics: Diagnostic[]; problems: Diagnostic[] } {
  const used = new Set<Waiver>();
  const diagnostics = findings.map(({ apiId, diagnostic }) => {
    const waiver = waivers.find((w) => !w.expired && w.apiId === apiId && `lint/${w.rule}` === diagnostic.code);
    if (!waiver) return diagnostic;
    used.add(waiver);
    return { ...diagnostic, severity: 'warning' as const, waived: { reason: waiver.reason, until: waiver.until, approvedBy: waiver.approvedBy } };
  });
  const problems = waivers.flatMap((w) => {
    if (!apis.all.has(w.apiId)) return [diagnose('catalog/unknown-api', waiversFile, w.apiAt, `the waiver names the API "${w.apiId}", which does not exist`)];
    if (!apis.linted.has(w.apiId)) return [];
    if (w.expired)
      return [
        diagnose('waiver/expired', waiversFile, w.at, `the waiver of ${w.rule} for ${w.apiId} ended on ${w.until}; its findings count again`, {
          severity: 'warning',
        }),
      ];
    if (!used.has(w))
      return [diagnose('waiver/unused', waiversFile, w.at, `the waiver of ${w.rule} for ${w.apiId} matches no finding`, { severity: 'warning' })];
    return [];
  });
  return { diagnostics, problems };
}
