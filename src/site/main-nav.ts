import { baseRoot, routes } from './urls.ts';

/** An entry of the header's main navigation. */
export interface NavItem {
  label: string;
  to: string;
}

/** The header's sections: the index pages, then the explorer; services and guides only when the build has some. */
export function mainNav(has: { services: boolean; guides: boolean }): NavItem[] {
  return [
    { label: 'APIs', to: routes.apiIndex() },
    { label: 'Domains', to: routes.domainIndex() },
    { label: 'Teams', to: routes.teamIndex() },
    ...(has.services ? [{ label: 'Services', to: routes.serviceIndex() }] : []),
    ...(has.guides ? [{ label: 'Guides', to: routes.guideIndex() }] : []),
    { label: 'Explorer', to: routes.explorer() },
  ];
}

/** How a navigation entry relates to the page at `route` (root-relative, without the base): the page itself, a page of its section, or neither. */
export function navCurrent(item: NavItem, route: string): 'page' | 'true' | undefined {
  const path = route.endsWith('/') ? route : `${route}/`;
  if (path === item.to) return 'page';
  return path.startsWith(item.to) ? 'true' : undefined;
}

/** The route of a page from its address's path, the base path taken off: ('/portal/apis/', '/portal/') → '/apis/'. */
export function routeOf(pathname: string, base: string): string {
  const root = baseRoot(base);
  const inside = root === '/' ? pathname : pathname === root || pathname.startsWith(`${root}/`) ? pathname.slice(root.length) : pathname;
  return `/${inside.replace(/^\/+/, '')}`;
}
