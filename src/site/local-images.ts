import type { Element, Root, RootContent } from 'hast';
import { isLocalImage } from '../catalog/safe-urls.ts';

/**
 * A rehype plugin that replaces every image on another origin by its alt text: a built portal
 * makes no request the reader did not choose, and a remote image would be one (a tracking
 * pixel, at worst). Relative images stay.
 */
export function rehypeLocalImages() {
  return (tree: Root) => {
    replaceRemoteImages(tree);
  };
}

function replaceRemoteImages(parent: Root | Element): void {
  parent.children = parent.children.map((child): RootContent => {
    if (child.type !== 'element') return child;
    const src = child.properties['src'];
    if (child.tagName === 'img' && (typeof src !== 'string' || !isLocalImage(src))) {
      const alt = child.properties['alt'];
      return { type: 'text', value: typeof alt === 'string' ? alt : '' };
    }
    replaceRemoteImages(child);
    return child;
  }) as typeof parent.children;
}
