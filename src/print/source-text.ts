import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { compact } from './compact-text.ts';

/** The blocks whose text must all reach the PDF: paragraphs, headings, list items, table cells, captions. */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'th',
  'td',
  'caption',
  'figcaption',
  'dt',
  'dd',
]);

/**
 * The text of every article in an issue's print document as it is before pagination, block by block and with
 * white space removed, keyed by the article's anchor: what the PDF must contain.
 */
export function articleBlocks(printHtml: string): Map<string, string[]> {
  const tree = fromHtml(printHtml);
  const result = new Map<string, string[]>();
  const visit = (node: Root | Element, article: string[] | undefined) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const classes = (child.properties.className as string[] | undefined) ?? [];
      if (child.tagName === 'article' && classes.includes('article')) {
        const blocks: string[] = [];
        result.set(String(child.properties.id), blocks);
        visit(child, blocks);
      } else if (article && BLOCKS.has(child.tagName) && !hasBlock(child)) {
        const text = compact(toString(child));
        if (text) article.push(text);
      } else visit(child, article);
    }
  };
  visit(tree, undefined);
  return result;
}

function hasBlock(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (BLOCKS.has(c.tagName) || hasBlock(c)));
}
