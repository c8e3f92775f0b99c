import type { Root } from 'hast';
import { QA_LABEL } from './patterns.ts';
import { addClass, blockChildren, stripLeadingText, textOf } from './hast.ts';

/** Interview paragraphs starting with 问： / 答： get a class and a bold label, as printed interviews set them. */
export default function rehypeQa() {
  return (tree: Root) => {
    for (const p of blockChildren(tree)) {
      if (p.tagName !== 'p') continue;
      const match = QA_LABEL.exec(textOf(p));
      if (!match) continue;
      stripLeadingText(p, /^\s*(问|答)\s*[：:]\s*/);
      const kind = match[1] === '问' ? 'question' : 'answer';
      addClass(p, `qa-${kind}`);
      p.children.unshift({
        type: 'element',
        tagName: 'strong',
        properties: { className: ['qa-label'] },
        children: [{ type: 'text', value: `${match[1]}：` }],
      });
    }
  };
}
