import { plural } from '../catalog/plural.ts';
import type { Api, Catalog } from '../catalog/model.ts';
import type { GuideSummary } from '../site/content.ts';
import { linkItem, plainText } from '../site/markdown-text.ts';
import { linkTo, routes, type SiteLocation } from '../site/urls.ts';
import { domainTrailLabel, viewCatalog } from '../site/views.ts';

/** What llms.txt needs besides the catalogue. */
export interface LlmsTextOptions {
  location: SiteLocation;
  /** The portal team's guides, in the order the portal shows them. */
  guides: readonly GuideSummary[];
  /** The home page's tagline (content/index.md), the portal's summary when there is one. */
  tagline?: string | undefined;
}

/**
 * `/llms.txt` (llmstxt.org): the portal's title, a summary, its APIs grouped by business domain,
 * its guides, and the longer files under "Optional". Built from the audience's catalogue only.
 */
export function formatLlmsText(catalog: Catalog, options: LlmsTextOptions): string {
  const { portal } = catalog;
  const link = (route: string) => linkTo(options.location, route);
  const lines = [`# ${plainText(portal.title)}`, '', `> ${plainText(options.tagline ?? `The APIs of ${portal.organisation ?? portal.title}.`)}`, ''];
  lines.push(
    `${portal.organisation ? `${plainText(portal.organisation)}'s` : 'The'} API catalogue for the ${portal.audience} audience: ${plural(catalog.apis.length, 'API')} in ${plural(catalog.domains.length, 'business domain')}. ` +
      'Each API page holds its business documentation (purpose, triggers, data, rules, policy), every operation with OK and KO examples, and its contract for download.',
    '',
    '## APIs',
  );
  for (const { label, apis } of groupByDomain(catalog)) {
    lines.push(
      '',
      `### ${plainText(label)}`,
      '',
      ...apis.map((api) => linkItem(api.name, link(routes.api(api.id)), `${api.summary} (${api.type} API, ${api.lifecycle})`)),
    );
  }
  if (options.guides.length > 0) {
    lines.push('', '## Guides', '', ...options.guides.map((guide) => linkItem(guide.title, link(routes.guide(guide.slug)), guide.description)));
  }
  lines.push(
    '',
    '## Optional',
    '',
    linkItem('API index', link(routes.apiIndex()), 'every API by business domain, with its type, lifecycle and owning team'),
    linkItem('Business domains', link(routes.domainIndex()), 'the domain taxonomy, with the number of APIs in each domain'),
    linkItem('Teams', link(routes.teamIndex()), 'the teams that own the APIs: product owner, contact and APIs of each'),
    linkItem('Every API in full', link(routes.llmsFullText()), 'the business documentation and every operation of each API, in Markdown'),
    linkItem('The catalogue as JSON', link(routes.catalogJson()), 'every API with its domain, owner, consumers and links, and the domains, teams and services'),
    '',
  );
  return lines.join('\n');
}

/** The APIs under the domain that holds them, domains in the order of their trail's names, APIs by name. */
export function groupByDomain(catalog: Catalog): { label: string; apis: Api[] }[] {
  const view = viewCatalog(catalog);
  const ids = [...new Set(catalog.apis.map((api) => api.domain))];
  return ids.map((id) => ({ label: domainTrailLabel(view, id), apis: view.apisIn(id) })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
