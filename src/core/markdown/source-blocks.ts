import type { Nodes, Root } from 'mdast';
import { compact } from '../../print/compact-text.ts';
import { FACTS_BOX_MARK, PULL_QUOTE_MARK } from './patterns.ts';

/** The blocks of Markdown whose words must reach print: paragraphs, headings, table cells, code. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/**
 * The text of an article's Markdown body, block by block and without white space, as the check that no text is lost
 * compares it with the PDF: what the source says, not what the rendered HTML kept of it. A block with raw HTML or a
 * footnote reference in it is left out (the sanitizer may rightly remove part of it; a reference prints a number
 * the source does not have); the rendered HTML's own blocks are checked too.
 */
export function sourceBlocks(tree: Root): string[] {
  const blocks: string[] = [];
  const walk = (node: Nodes, parent?: Nodes): void => {
    if (BLOCKS.has(node.type)) {
      let text = textOf(node);
      // The `[!引语]` / `[!资料]` that opens a quote block is markup (rehype-asides.ts), not words to print.
      if (parent?.type === 'blockquote' && parent.children[0] === node)
        text = text.replace(PULL_QUOTE_MARK, '').replace(FACTS_BOX_MARK, '');
      if (text) blocks.push(text);
      return;
    }
    if ('children' in node) node.children.forEach((child) => walk(child, node));
  };
  walk(tree);
  return blocks;
}

/** A block's words, or '' when it holds what the site may rightly change (raw HTML, a footnote reference). */
function textOf(block: Nodes): string {
  let text = '';
  let changed = false;
  const walk = (node: Nodes): void => {
    if (node.type === 'html' || node.type === 'footnoteReference') changed = true;
    else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') text += node.value;
    else if ('children' in node) node.children.forEach(walk);
  };
  walk(block);
  return changed ? '' : compact(text);
}
