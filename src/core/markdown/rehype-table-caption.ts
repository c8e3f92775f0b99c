import type { Element, Root } from 'hast';
import { DATA_SOURCE, TABLE_CAPTION } from './patterns.ts';
import { blockChildren, textOf } from './hast.ts';

/** A table of this many body rows or fewer is kept whole on one page in print, as magazines set short tables. */
export const SHORT_TABLE_ROWS = 12;

/**
 * A paragraph starting with 表N right before a table becomes the table's `<caption>`, and each table is wrapped
 * in `<div class="table-wrap">` with the 资料来源 note that follows it: the web scrolls a wide table inside it,
 * and print keeps the note with its table (and a short table whole: class `short`).
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
      const tbody = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tbody');
      const rows = tbody?.children.filter((c) => c.type === 'element' && c.tagName === 'tr').length ?? 0;
      const className = rows <= SHORT_TABLE_ROWS ? ['table-wrap', 'short'] : ['table-wrap'];
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className }, children: [table] };
      const note = blocks[i + 1];
      if (note?.tagName === 'p' && DATA_SOURCE.test(textOf(note))) {
        wrap.children.push({ ...note, properties: { className: ['data-source'] } });
        tree.children.splice(tree.children.indexOf(note), 1);
      }
      tree.children.splice(tree.children.indexOf(table), 1, wrap);
    }
  };
}
