import type { Element, Root } from 'hast';
import { DATA_SOURCE, TABLE_CAPTION } from './patterns.ts';
import { visit } from 'unist-util-visit';
import { addClass, blockChildren, textOf } from './hast.ts';

/** A table of this many body rows or fewer is kept whole on one page in print, as magazines set short tables. */
export const SHORT_TABLE_ROWS = 12;

/**
 * A paragraph starting with 表N right before a table becomes the table's `<caption>`, and each table is wrapped
 * in `<div class="table-wrap">` with the 资料来源 note that follows it: print keeps the note with its table (and a
 * short table whole: class `short`). On the web a wide table scrolls inside `<div class="table-scroll">`, a
 * region named by its caption that the keyboard can reach (a scroll region must be focusable to be scrolled
 * without a mouse); the note stays put below it. A GFM column alignment becomes a class (`align-right`): HTML
 * has no `align` attribute any more, and the pages' CSP allows no style attribute.
 */
export default function rehypeTableCaption() {
  return (tree: Root) => {
    // Every table's cells, a table in a quote or list too.
    visit(tree, 'element', (cell) => {
      const { align } = cell.properties;
      if ((cell.tagName !== 'td' && cell.tagName !== 'th') || typeof align !== 'string') return;
      delete cell.properties.align;
      addClass(cell, `align-${align}`);
    });
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
      const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
      const scroll: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: caption ? textOf(caption) : '表格',
        },
        children: [table],
      };
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className }, children: [scroll] };
      const note = blocks[i + 1];
      if (note?.tagName === 'p' && DATA_SOURCE.test(textOf(note))) {
        wrap.children.push({ ...note, properties: { className: ['data-source'] } });
        tree.children.splice(tree.children.indexOf(note), 1);
      }
      tree.children.splice(tree.children.indexOf(table), 1, wrap);
    }
  };
}
