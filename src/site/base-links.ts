import type { Element, Nodes, Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { baseRoot, withBase, type SiteLocation } from './urls.ts';

/** The attributes of each element that hold a URL the reader's browser follows or loads. */
export const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  script: ['src'],
  source: ['src', 'srcset'],
  form: ['action'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
};

/**
 * A root-relative URL (`/guides/authentication/`) as served under `base` (`/portal/guides/authentication/`).
 * Anything else is returned as it is: a URL already under the base, protocol-relative (`//host`),
 * absolute (with a scheme), an `#anchor`, a query or a relative path.
 */
export function rebaseUrl(url: string, base: string): string {
  // Browsers read `/\host` as `//host`.
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return url;
  const root = baseRoot(base);
  if (root === '/' || isUnder(url, root)) return url;
  return withBase(root, url);
}

/** A URL of catalogue text as files outside the pages (llms-full.txt) link to it: a root-relative one under the base, and absolute when the site is known. */
export function publishedUrl(url: string, location: SiteLocation): string {
  const rebased = rebaseUrl(url, location.base);
  return location.site && isRootRelative(url) ? new URL(rebased, location.site).href : rebased;
}

function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

/** Whether `url` is `root` itself or a path below it. */
function isUnder(url: string, root: string): boolean {
  return url.startsWith(root) && (url.length === root.length || '/?#'.includes(url[root.length]!));
}

/** An attribute's value with its URLs rebased: a `srcset` (`a.png 1x, b.png 2x`) is a list of them, each with a descriptor. */
function rebaseValue(attribute: string, value: string, base: string): string {
  if (attribute !== 'srcset') return rebaseUrl(value, base);
  return value
    .split(',')
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_, space: string, url: string) => `${space}${rebaseUrl(url, base)}`))
    .join(',');
}

type PropertyValue = string | number | boolean | null | undefined | (string | number)[];

/** The URL attributes of an element (`name`, read by `get`) that change under `base`, with their new values. */
function changedAttributes(name: string, get: (attribute: string) => PropertyValue, base: string): [string, PropertyValue][] {
  const changed: [string, PropertyValue][] = [];
  for (const attribute of urlAttributes[name] ?? []) {
    const value = get(attribute);
    // hast holds a srcset as the list of its candidates.
    const next =
      typeof value === 'string'
        ? rebaseValue(attribute, value, base)
        : Array.isArray(value)
          ? value.map((v) => (typeof v === 'string' ? rebaseValue(attribute, v, base) : v))
          : value;
    if (String(next) !== String(value)) changed.push([attribute, next]);
  }
  return changed;
}

/** hast's name of an HTML attribute. */
function propertyName(attribute: string): string {
  return attribute === 'srcset' ? 'srcSet' : attribute;
}

/**
 * A rehype plugin (unified) that serves root-relative links under the base path: the URL
 * attributes of links, images, sources, scripts and forms (`urlAttributes`). Base `/` changes nothing.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  return (tree: Root) => {
    if (baseRoot(base) !== '/') rebaseTree(tree, base);
  };
}

function rebaseTree(node: Nodes, base: string): void {
  if (node.type === 'element') rebaseElement(node, base);
  if ('children' in node) for (const child of node.children) rebaseTree(child, base);
}

function rebaseElement(element: Element, base: string): void {
  for (const [attribute, value] of changedAttributes(element.tagName, (a) => element.properties[propertyName(a)], base))
    element.properties[propertyName(attribute)] = value;
}

/** An MDX JSX element's attributes, as Sätteri hands them to a plugin. */
type JsxAttributes = readonly { type: string; name?: string; value?: unknown }[];

/** The string value of a JSX attribute, whatever the case of its name (`srcSet` or `srcset`). */
function jsxAttribute(attributes: JsxAttributes, attribute: string): { name: string; value: string } | undefined {
  const found = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name?.toLowerCase() === attribute && typeof a.value === 'string');
  return found && { name: found.name!, value: found.value as string };
}

/**
 * The same, as a hast plugin of Sätteri, the Markdown and MDX processor of Astro that renders the
 * guides: HTML elements, and the JSX elements of MDX written with an HTML name (`<a href="/guides/errors/">`).
 */
export function satteriBaseLinks(base: string): HastPluginDefinition | undefined {
  if (baseRoot(base) === '/') return undefined;
  const filter = Object.keys(urlAttributes);
  const jsx = {
    filter,
    visit(node: { name: string | null; attributes: JsxAttributes }, ctx: { setProperty(node: never, key: string, value: unknown): void }) {
      if (!node.name) return;
      const attributes = node.attributes;
      for (const [attribute, value] of changedAttributes(node.name, (a) => jsxAttribute(attributes, a)?.value, base))
        ctx.setProperty(node as never, jsxAttribute(attributes, attribute)!.name, value);
    },
  };
  return {
    name: 'portolan-base-links',
    element: {
      filter,
      visit(node, ctx) {
        for (const [attribute, value] of changedAttributes(node.tagName, (a) => node.properties[propertyName(a)], base))
          ctx.setProperty(node, propertyName(attribute), value);
      },
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
  };
}
