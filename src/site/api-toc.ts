import type { Api, Operation } from '../catalog/model.ts';
import type { OperationGroup } from './operation-pages.ts';
import { routes } from './urls.ts';

/** One entry of an API page's sidebar: a part of the page (`#id`), another page (a route), or an operation. */
export interface TocEntry {
  /** `#anchor` on this page, or a portal route (served under the base path). */
  href: string;
  label: string;
  /** The operation this entry leads to, for its method badge. */
  operation?: Pick<Operation, 'kind' | 'method' | 'readerAction'>;
  /** The page the reader is on (a tag page among the tags). */
  current?: boolean;
  children?: TocEntry[];
}

const operationEntry = (op: Operation): TocEntry => ({
  href: `#${op.anchor}`,
  label: op.summary ?? (op.kind === 'http' ? (op.path ?? op.anchor) : (op.channel ?? op.anchor)),
  operation: { kind: op.kind, ...(op.method ? { method: op.method } : {}), ...(op.readerAction ? { readerAction: op.readerAction } : {}) },
});

/** The sidebar of an API page: its parts in page order, the operations under theirs (or the tag pages, for a split contract). */
export function apiPageToc(api: Api, groups: readonly OperationGroup[] | undefined, governance: { scorecard?: unknown; usage?: unknown } = {}): TocEntry[] {
  const { contract } = api;
  const operations: TocEntry = {
    href: '#operations',
    label: contract.format === 'openapi' ? 'Operations' : 'Channels and messages',
    children: groups ? groups.map((group) => ({ href: routes.operations(api.id, group.slug), label: group.tag })) : contract.operations.map(operationEntry),
  };
  return [
    { href: '#business', label: 'Business documentation' },
    ...(api.docs.length > 0 ? [{ href: '#more-docs', label: 'More documentation' }] : []),
    ...(governance.scorecard ? [{ href: '#scorecard', label: 'Scorecard' }] : []),
    ...(governance.usage ? [{ href: '#usage', label: 'Usage' }] : []),
    { href: '#technical', label: 'Technical documentation' },
    ...(contract.securitySchemes.length > 0 ? [{ href: '#security', label: 'Security' }] : []),
    operations,
    ...(!groups && contract.schemas.length > 0 ? [{ href: '#schemas', label: 'Schemas' }] : []),
  ];
}

/** The sidebar of one tag page of a split contract: every tag, this one current with its operations, then the schemas they use. */
export function tagPageToc(api: Api, groups: readonly OperationGroup[], group: OperationGroup, hasSchemas: boolean): TocEntry[] {
  return [
    { href: routes.api(api.id), label: `${api.name}: overview` },
    ...groups.map((g) =>
      g === group
        ? { href: routes.operations(api.id, g.slug), label: g.tag, current: true, children: g.operations.map(operationEntry) }
        : { href: routes.operations(api.id, g.slug), label: g.tag },
    ),
    ...(hasSchemas ? [{ href: '#schemas', label: 'Schemas' }] : []),
  ];
}
