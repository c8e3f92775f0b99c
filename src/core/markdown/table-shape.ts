import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Table rows with more cells than the header: GFM drops the extra cells from the page without a word. */
export function rowsPastHeader(tree: Root): { line: number; cells: number; columns: number }[] {
  const found: { line: number; cells: number; columns: number }[] = [];
  visit(tree, 'table', (table) => {
    const columns = table.children[0]?.children.length ?? 0;
    for (const row of table.children.slice(1)) {
      if (row.children.length > columns) {
        found.push({ line: row.position?.start.line ?? 1, cells: row.children.length, columns });
      }
    }
  });
  return found;
}

/** The most columns of any table of the body (0 without a table). */
export function widestTable(tree: Root): number {
  let widest = 0;
  visit(tree, 'table', (table) => {
    widest = Math.max(widest, ...table.children.map((row) => row.children.length));
  });
  return widest;
}
