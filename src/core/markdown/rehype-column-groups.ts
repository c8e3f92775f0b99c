import type { Element, Root, RootContent } from 'hast';
import { CLASS } from '../../print/runtime/contract.ts';
import { eachElement, hasClass } from './hast.ts';

const isTable = (node: Element) => node.tagName === 'div' && hasClass(node, 'table-wrap');

/** A box of facts that holds a table is as wide as the table. */
function holdsTable(node: Element): boolean {
  let found = false;
  eachElement(node, (el) => (found ||= el.tagName === 'table'));
  return found;
}

/** What a page in columns sets across all its columns: subheads, tables, figures, boxes with a table. */
const isWide = (node: RootContent) =>
  node.type === 'element' &&
  (node.tagName === 'h2' ||
    node.tagName === 'figure' ||
    isTable(node) ||
    (hasClass(node, CLASS.factsBox) && holdsTable(node)));

/**
 * Wraps each run of running text between wide blocks in `<div class="column-group">`, so that print can set the
 * runs in columns (each balanced above the next table) with the wide blocks between them across the page, instead
 * of `column-span`, which Paged.js does not carry across pages. Without columns the wrapper changes nothing.
 */
export default function rehypeColumnGroups() {
  return (tree: Root) => {
    const children: RootContent[] = [];
    let group: Element | undefined;
    for (const node of tree.children) {
      if (isWide(node)) {
        group = undefined;
        children.push(node);
      } else if (group) group.children.push(node as Element['children'][number]);
      else if (node.type === 'element') {
        group = { type: 'element', tagName: 'div', properties: { className: [CLASS.columnGroup] }, children: [node] };
        children.push(group);
      } else children.push(node);
    }
    tree.children = children;
  };
}
