import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * A rehype plugin that puts every table in a region that scrolls sideways when the table is
 * wider than the page (a phone), and that the keyboard can reach and scroll: a scrolling box
 * without focus locks keyboard readers out of its right-hand columns. The region is named by the
 * heading before the table.
 */
export function rehypeScrollableTables() {
  return (tree: Root) => {
    wrapTables(tree);
  };
}

function wrapTables(parent: Root | Element): void {
  let heading = 'Table';
  parent.children = parent.children.map((child): RootContent => {
    if (child.type !== 'element') return child;
    if (/^h[1-6]$/.test(child.tagName)) heading = textOf(child);
    if (child.tagName !== 'table') {
      wrapTables(child);
      return child;
    }
    return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: heading }, children: [child] };
  }) as typeof parent.children;
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
