import { isVisibleTo } from '../audience/filter.ts';
import type { Api, Catalog, UsageRow } from '../catalog/model.ts';
import type { LintSummary } from './figures.ts';
import { scoreApi, type Scorecard } from './scorecard.ts';

/** The widest build that shows the scorecard: portal.yaml's `scorecard.audience`, internal without it. */
export function scorecardAudience(catalog: Pick<Catalog, 'portal'>): 'internal' | 'partner' {
  return catalog.portal.scorecard?.audience ?? 'internal';
}

/** What an API's page shows of governance in this build. */
export interface ApiGovernance {
  scorecard?: Scorecard;
  usage?: UsageRow[];
}

/**
 * The governance figures of each API of the audience's catalogue: the scorecard when portal.yaml's
 * `scorecard.audience` reaches the build's audience, the usage rows when the audience filter kept
 * them (internal builds). `lint` is absent when lint did not run.
 */
export function apiGovernance(catalog: Catalog, lint?: ReadonlyMap<string, LintSummary>): (api: Api) => ApiGovernance {
  const scored = isVisibleTo(scorecardAudience(catalog), catalog.portal.audience);
  const usage = new Map<string, UsageRow[]>();
  for (const row of catalog.usage ?? []) usage.set(row.api, [...(usage.get(row.api) ?? []), row]);
  for (const rows of usage.values()) rows.sort((a, b) => b.month.localeCompare(a.month) || b.calls - a.calls || a.consumer.localeCompare(b.consumer, 'en'));
  return (api) => {
    const rows = usage.get(api.id);
    return { ...(scored ? { scorecard: scoreApi(api, lint?.get(api.id)) } : {}), ...(rows ? { usage: rows } : {}) };
  };
}
