import type { Catalog } from '../catalog/model.ts';
import { scorecardAudience } from '../governance/api-governance.ts';
import { isVisibleTo } from './filter.ts';

/** The marker each governance section carries in its HTML (`data-figures`): its presence is the leak. */
export const figureMarkers = { scorecard: 'portolan-scorecard', usage: 'portolan-usage' } as const;

/**
 * What a build must not hold of the governance figures: the scorecard section unless portal.yaml's
 * `scorecard.audience` reaches this build, the usage section and the consumers named only in
 * usage/*.csv outside internal builds. A consumer that is an API id, or a consumer the build may
 * name, is not telling.
 */
export function hiddenFigures(full: Catalog, visible: Catalog): [string, string][] {
  const audience = visible.portal.audience;
  const found: [string, string][] = [];
  const scorecard = scorecardAudience(full);
  if (!isVisibleTo(scorecard, audience)) found.push([figureMarkers.scorecard, `the API scorecard, which portal.yaml shows to ${scorecard} builds only`]);
  if (audience === 'internal') return found;
  found.push([figureMarkers.usage, 'the usage figures of catalog/usage/, shown in internal builds only']);
  const apiIds = new Set(full.apis.map((api) => api.id));
  const named = new Set(visible.apis.flatMap((api) => api.consumers.map((c) => (c.kind === 'api' ? c.id : c.name))));
  for (const consumer of new Set((full.usage ?? []).map((row) => row.consumer))) {
    if (!apiIds.has(consumer) && !named.has(consumer)) found.push([consumer, `a consumer named in catalog/usage/, shown in internal builds only`]);
  }
  return found;
}
