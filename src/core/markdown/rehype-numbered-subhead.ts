import type { Element, Root } from 'hast';
import { SUBHEAD_NUMBER } from './patterns.ts';
import { addClass, blockChildren, stripLeadingText, textOf } from './hast.ts';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/** A subhead that starts with a number (01 / （一） / 一、 / 1.) gets the number in its own span, styled apart. */
export default function rehypeNumberedSubhead() {
  return (tree: Root) => {
    for (const h of blockChildren(tree)) {
      if (!HEADINGS.has(h.tagName)) continue;
      const match = SUBHEAD_NUMBER.exec(textOf(h));
      if (!match || match[0].length === textOf(h).length) continue;
      stripLeadingText(h, SUBHEAD_NUMBER);
      const num: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['subhead-num'] },
        children: [{ type: 'text', value: match[0].trim() }],
      };
      h.children.unshift(num);
      addClass(h, 'numbered');
    }
  };
}
