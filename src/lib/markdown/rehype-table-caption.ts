import type { Element, Root } from 'hast';
import { TABLE_CAPTION } from './patterns.ts';
import { blockChildren, textOf } from './hast.ts';

/**
 * A paragraph starting with 表N right before a table becomes the table's `<caption>`, and each table is wrapped
 * in `<div class="table-wrap">` (the web scrolls wide tables inside it; print ignores it).
 */
export default function rehypeTableCaption() {
  return (tree: Root) => {
    const blocks = blockChildren(tree);
    for (const [i, table] of blocks.entries()) {
      if (table.tagName !== 'table') continue;
      const prev = blocks[i - 1];
      if (prev?.tagName === 'p' && TABLE_CAPTION.test(textOf(prev))) {
        table.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: prev.children });
        tree.children.splice(tree.children.indexOf(prev), 1);
      }
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [table] };
      tree.children.splice(tree.children.indexOf(table), 1, wrap);
    }
  };
}
