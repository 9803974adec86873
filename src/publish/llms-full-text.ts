import type { Api, Catalog, Operation } from '../catalog/model.ts';
import { contractLabel } from '../site/contract-label.ts';
import { readerActionLabel } from '../site/event-labels.ts';
import { downloadsOf } from './downloads.ts';
import { groupByDomain } from './llms-text.ts';
import { markdownLink, oneLine, plainText } from '../site/markdown-text.ts';
import { publishedUrl } from '../site/base-links.ts';
import { sanitiseMarkdown, type PublishOptions } from '../site/safe-markdown.ts';
import { linkTo, routes, type SiteLocation } from '../site/urls.ts';
import { domainTrailLabel, viewCatalog, type CatalogView } from '../site/views.ts';
import { operationRoutes } from '../site/operation-pages.ts';

/**
 * `/llms-full.txt`: every API of the audience's catalogue in Markdown, in the order of llms.txt:
 * its facts, its business documentation as written, and each operation with its responses. Text
 * from the catalogue is sanitised as the pages' Markdown is (safe-markdown.ts), its root-relative
 * links published under the base path, as on the pages.
 */
export function formatLlmsFullText(catalog: Catalog, location: SiteLocation): string {
  const view = viewCatalog(catalog);
  const title = plainText(catalog.portal.title);
  const sections = [
    `# ${title}: every API`,
    '',
    `> The business documentation and the operations of the ${catalog.apis.length} APIs of ${title} for the ${catalog.portal.audience} audience. ` +
      `The short list is ${linkTo(location, routes.llmsText())}.`,
  ];
  for (const { apis } of groupByDomain(catalog)) for (const api of apis) sections.push('', ...describeApi(api, view, location));
  return `${sections.join('\n')}\n`;
}

function describeApi(api: Api, view: CatalogView<Api>, location: SiteLocation): string[] {
  const link = (route: string) => linkTo(location, route);
  const routeOf = operationRoutes(api);
  const published = { link: (url: string) => publishedUrl(url, location) };
  const team = view.team(api.owner);
  const service = api.service ? view.service(api.service) : undefined;
  const downloads = downloadsOf(api).map(({ format, route }) => markdownLink(format.toUpperCase(), link(route)));
  const replacement = api.deprecation?.replacedBy ? view.api(api.deprecation.replacedBy) : undefined;
  const facts = [
    `- Page: ${link(routes.api(api.id))}`,
    `- Type: ${api.type}; lifecycle: ${api.lifecycle}; audience: ${api.audience}`,
    `- Owner: ${plainText(team?.name ?? api.owner)}${team?.contact ? ` (${plainText(team.contact)})` : ''}`,
    `- Domain: ${plainText(domainTrailLabel(view, api.domain))}${service ? `; service: ${plainText(service.name)}` : ''}`,
    `- Contract: ${contractLabel(api.contract)}, version ${plainText(api.contract.version)}${downloads.length > 0 ? `; download ${downloads.join(', ')}` : ''}`,
    ...(api.deprecation
      ? [
          `- Deprecated: stops answering on ${api.deprecation.sunset}${replacement ? `; replaced by ${markdownLink(replacement.name, link(routes.api(replacement.id)))}` : ''}`,
        ]
      : []),
    ...(api.tags && api.tags.length > 0 ? [`- Tags: ${plainText(api.tags.join(', '))}`] : []),
  ];
  return [
    `## ${plainText(api.name)}`,
    '',
    plainText(api.summary),
    '',
    ...facts,
    ...businessDocs(api, published),
    ...api.contract.operations.flatMap((op) => describeOperation(op, published, link(routeOf(op)))),
  ];
}

/** The business documentation as its authors wrote it (sanitised), in Markdown, one heading a part. */
function businessDocs(api: Api, published: PublishOptions): string[] {
  const { purpose, triggers, data, rules, policy } = api.business;
  const safe = (markdown: string) => sanitiseMarkdown(markdown, published);
  const part = (heading: string, markdown: string | undefined) => (markdown?.trim() ? ['', `### ${heading}`, '', safe(markdown.trim())] : []);
  const entities = (data ?? []).map((d) => `- ${plainText(d.entity)} (${d.sensitivity})${d.description ? `: ${oneLine(safe(d.description))}` : ''}`);
  return [
    ...part('Purpose', purpose),
    ...part('Triggers', triggers),
    ...(entities.length > 0 ? ['', '### Data', '', ...entities] : []),
    ...part('Rules', rules),
    ...part('Policy', policy),
  ];
}

/** `### GET /path` (or `### You receive: title (channel …)`), its summary and description, its response statuses or messages, and where its page shows it. */
function describeOperation(op: Operation, published: PublishOptions, page: string): string[] {
  const safe = (markdown: string) => sanitiseMarkdown(markdown, published);
  const heading =
    op.kind === 'http' ? `${op.method ?? ''} ${op.path ?? ''}` : `${readerActionLabel(op)}: ${op.title ?? op.id} (channel ${op.channel ?? op.id})`;
  const lines = ['', `### ${plainText(heading)}`];
  if (op.deprecated) lines.push('', 'Deprecated.');
  if (op.summary) lines.push('', oneLine(safe(op.summary)));
  if (op.description?.trim()) lines.push('', safe(op.description.trim()));
  if (op.responses.length > 0) {
    lines.push('', 'Responses:', '', ...op.responses.map((r) => `- ${r.status}${r.description ? `: ${oneLine(safe(r.description))}` : ''}`));
  }
  if (op.messages.length > 0) {
    lines.push('', 'Messages:', '', ...op.messages.map((m) => `- ${plainText(m.title ?? m.name ?? m.id)}${m.summary ? `: ${oneLine(safe(m.summary))}` : ''}`));
  }
  lines.push('', `Reference: ${page}`);
  return lines;
}
